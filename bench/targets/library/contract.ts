/**
 * The library target's own reading of its contract (openapi.yaml): the route table, parameter coercion and
 * request validation with its own Ajv instance. Nothing comes from specgate, so the target judges requests
 * independently of the harness it is used to measure.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** Where the contract lives; the benchmark passes this path to `specgate run --spec`. */
export const SPEC_PATH = new URL('./openapi.yaml', import.meta.url).pathname;
const SPEC_ID = 'urn:bench:library';

// ajv-formats is CommonJS; under ESM its default export may be wrapped once more.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => void;

/** One declared parameter, with the pointer of its schema. */
export interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: any;
  validate: ValidateFunction;
}

/** One operation of the contract. */
export interface Operation {
  method: string;
  template: string;
  operationId: string;
  /** Path template as a regular expression with one group per parameter. */
  pattern: RegExp;
  params: Param[];
  /** Media types of the request body, with their validators. */
  body: { required: boolean; media: Record<string, { schema: any; validate: ValidateFunction }> } | undefined;
  secured: boolean;
}

/** The contract: its operations, in document order. */
export interface Contract {
  doc: any;
  operations: Operation[];
  /** The validator of the schema at a JSON pointer of the document (tests judge responses with it). */
  compile(ptr: string): ValidateFunction;
}

let loaded: Contract | undefined;

/** Loads openapi.yaml and compiles every parameter and body schema, once per process (it never changes). */
export function loadContract(): Contract {
  loaded ??= compileContract();
  return loaded;
}

function compileContract(): Contract {
  const doc = parse(readFileSync(SPEC_PATH, 'utf8'));
  // discriminator: the LoanCreate oneOf picks its branch by `kind`, so errors name that branch only.
  const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: SPEC_ID });
  const compile = (ptr: string) => ajv.compile({ $ref: `${SPEC_ID}#${ptr}` });
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries<any>(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
      if (item[method]) operations.push(operationOf(doc, template, method, compile));
    }
  }
  return { doc, operations, compile };
}

function operationOf(doc: any, template: string, method: string, compile: (ptr: string) => ValidateFunction) {
  const item = doc.paths[template];
  const op = item[method];
  const pathPtr = `/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const ptr = `${pathPtr}/${method}`;
  const declared: Array<[any, string]> = [
    ...(item.parameters ?? []).map((p: any, i: number) => [p, `${pathPtr}/parameters/${i}`]),
    ...(op.parameters ?? []).map((p: any, i: number) => [p, `${ptr}/parameters/${i}`]),
  ];
  const params = declared.map(([p, where]): Param => {
    const obj = p.$ref ? at(doc, p.$ref.slice(1)) : p;
    return { ...obj, required: Boolean(obj.required), validate: compile(`${p.$ref?.slice(1) ?? where}/schema`) };
  });
  const content = op.requestBody?.content ?? {};
  const media = Object.fromEntries(
    Object.keys(content).map((m) => {
      const schemaPtr = `${ptr}/requestBody/content/${m.replace(/\//g, '~1')}/schema`;
      return [m, { schema: deref(doc, at(doc, schemaPtr)), validate: compile(schemaPtr) }];
    }),
  );
  return {
    method: method.toUpperCase(),
    template,
    operationId: op.operationId,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
    params,
    body: op.requestBody ? { required: Boolean(op.requestBody.required), media } : undefined,
    secured: (op.security ?? doc.security ?? []).length > 0,
  };
}

/** The value at a JSON pointer of the document. */
export function at(doc: any, ptr: string): any {
  return ptr
    .split('/')
    .slice(1)
    .reduce((node, raw) => node?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** The schema a `$ref` chain ends at. */
export function deref(doc: any, node: any): any {
  for (let i = 0; node?.$ref && i < 16; i++) node = at(doc, node.$ref.slice(1));
  return node;
}

/**
 * Reads a text value (query, header, form field) as its schema type; a value that does not read as that type
 * stays a string, so Ajv reports it.
 */
export function coerce(value: string, type: string | undefined): unknown {
  if (type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
  if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** One line naming the first error, e.g. `body/days: must be >= 1`. */
export function describeErrors(where: string, errors: readonly ErrorObject[] | null | undefined): string {
  const e = errors?.find((x) => x.keyword !== 'oneOf') ?? errors?.[0];
  return e ? `${where}${e.instancePath}: ${e.message}` : `${where}: invalid`;
}
