/**
 * Validates a request against its operation in openapi.json: declared query and header parameters
 * (coerced from strings to their schema type first) and the JSON body. Uses the gateway's own Ajv
 * instance (spec.ts); nothing here comes from the harness, so the reference is judged independently.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorObject } from 'ajv';
import { badRequest } from './errors.ts';
import { pointer, type SpecSchemas } from './spec.ts';

/** The request parts that are validated. */
export interface RequestParts {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A parameter with the pointer of its schema. */
interface ParamInfo {
  name: string;
  in: string;
  required: boolean;
  schemaPtr: string;
  type: string | undefined;
}

function parametersOf(schemas: SpecSchemas, opPtr: string): ParamInfo[] {
  const list: any[] = schemas.at(`${opPtr}/parameters`) ?? [];
  return list.map((p, i) => {
    const base = typeof p.$ref === 'string' ? p.$ref.slice(1) : `${opPtr}/parameters/${i}`;
    const obj = schemas.resolve(p);
    return {
      name: obj.name,
      in: obj.in,
      required: Boolean(obj.required),
      schemaPtr: `${base}/schema`,
      type: schemas.resolve(obj.schema)?.type,
    };
  });
}

/** Turns a query string value into the schema's type; returns the string unchanged when it does not fit (ajv then reports it). */
function coerce(value: string, type: string | undefined): unknown {
  if (type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
  if (type === 'number' && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** `body.messages[0].role`-style name of the field an ajv error is about. */
function fieldOf(e: ErrorObject, prefix: string): string {
  const parts = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`));
  const extra = e.params as { missingProperty?: string; additionalProperty?: string };
  const leaf = extra.missingProperty ?? extra.additionalProperty;
  if (leaf) parts.push(`.${leaf}`);
  return (prefix + parts.join('')).replace(/^\./, '') || prefix || 'body';
}

function describe(errors: ErrorObject[], prefix: string): { message: string; param: string } {
  const first = errors.find((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf') ?? errors[0]!;
  const msgs = errors.slice(0, 3).map((e) => {
    const extra = e.params as { additionalProperty?: string };
    return `${fieldOf(e, prefix)}: ${e.message}${extra.additionalProperty ? ` (${extra.additionalProperty})` : ''}`;
  });
  return { message: msgs.join('; '), param: fieldOf(first, prefix) };
}

/**
 * Checks parameters and body; returns the coerced query values of declared query parameters.
 * Throws a 400 ApiError naming the first offending field. `skipBody` lets a drift accept a bad body.
 */
export function validateRequest(
  schemas: SpecSchemas,
  parts: RequestParts,
  skipBody?: (errors: ErrorObject[]) => boolean,
): Record<string, unknown> {
  const opPtr = pointer('paths', parts.path, parts.method.toLowerCase());
  const query: Record<string, unknown> = {};
  for (const p of parametersOf(schemas, opPtr)) {
    if (p.in !== 'query' && p.in !== 'header') continue;
    let raw: string | undefined;
    if (p.in === 'query') {
      const all = parts.search.getAll(p.name);
      if (all.length > 1) throw badRequest('invalid_parameter', `${p.name}: must be given at most once`, p.name);
      raw = all[0];
    } else {
      const h = parts.headers[p.name.toLowerCase()];
      raw = Array.isArray(h) ? h.join(', ') : h;
    }
    if (raw === undefined) {
      if (p.required) throw badRequest('missing_parameter', `${p.name}: is required`, p.name);
      continue;
    }
    const value = p.in === 'query' ? coerce(raw, p.type) : raw;
    const validate = schemas.validator(p.schemaPtr);
    if (!validate(value))
      throw badRequest('invalid_parameter', `${p.name}: ${validate.errors?.[0]?.message ?? 'invalid'}`, p.name);
    if (p.in === 'query') query[p.name] = value;
  }
  const bodyPtr = `${opPtr}/requestBody/content/application~1json/schema`;
  if (parts.body !== undefined && schemas.at(bodyPtr)) {
    const validate = schemas.validator(bodyPtr);
    if (!validate(parts.body) && !(skipBody?.(validate.errors ?? []) ?? false)) {
      const { message, param } = describe(validate.errors ?? [], '');
      throw badRequest('invalid_request', message, param);
    }
  }
  return query;
}
