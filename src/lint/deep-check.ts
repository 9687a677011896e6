/**
 * A fast "certainly valid" verdict for object and array values (examples, defaults) before the real
 * validator is asked. Compiling ajv functions for every schema that has an example dominates lint time on
 * large descriptions, and almost every example is valid. This check only ever answers "valid" (null) or
 * "no verdict" (undefined): any error, and any keyword it does not fully understand, defers to ajv, which
 * then decides and words the problem. So it can make lint faster, never stricter or laxer.
 */
import type { Json, JsonObject } from '../types.ts';
import { shallowCheck, type Resolve } from './shallow-check.ts';

/** Keywords that do not constrain a value, or that this check evaluates itself. */
const UNDERSTOOD = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems', 'minProperties',
  'maxProperties', 'enum', 'const', 'allOf', 'anyOf', 'oneOf', 'nullable', 'discriminator', 'readOnly', 'writeOnly',
  'title', 'description', 'example', 'examples', 'default', 'deprecated', 'xml', 'externalDocs', '$comment',
  'format', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
]);

const MAX_DEPTH = 32;

/** `null` when `value` certainly validates against `schema`; `undefined` when the real validator must decide. */
export function deepCheck(schema: Json, value: Json, resolve: Resolve, depth = 0): null | undefined {
  if (schema === true || (schema !== null && typeof schema === 'object' && !Array.isArray(schema) && Object.keys(schema).length === 0)) return null;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema) || depth > MAX_DEPTH) return undefined;
  if (typeof schema.$ref === 'string') {
    const target = Object.keys(schema).length === 1 ? resolve(schema) : undefined;
    return target ? deepCheck(target, value, resolve, depth + 1) : undefined;
  }
  for (const key of Object.keys(schema)) if (!UNDERSTOOD.has(key) && !key.startsWith('x-')) return undefined;
  if (value === null || typeof value !== 'object') return shallowCheck(schema, value, resolve, depth) === null ? null : undefined;
  if (!typeAllows(schema, Array.isArray(value) ? 'array' : 'object')) return undefined;
  if (Array.isArray(schema.enum) || 'const' in schema) return undefined;
  if (!composedOk(schema, value, resolve, depth)) return undefined;
  return Array.isArray(value) ? arrayOk(schema, value, resolve, depth) : objectOk(schema, value, resolve, depth);
}

function typeAllows(schema: JsonObject, type: 'array' | 'object'): boolean {
  const t = schema.type;
  if (t === undefined) return true;
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** allOf: every branch certainly valid; anyOf: one branch certainly valid; oneOf: defer (exclusivity needs all verdicts). */
function composedOk(schema: JsonObject, value: Json, resolve: Resolve, depth: number): boolean {
  if (Array.isArray(schema.oneOf)) return false;
  if (Array.isArray(schema.allOf) && !schema.allOf.every((b) => deepCheck(b, value, resolve, depth + 1) === null)) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((b) => deepCheck(b, value, resolve, depth + 1) === null)) return false;
  return true;
}

function arrayOk(schema: JsonObject, value: Json[], resolve: Resolve, depth: number): null | undefined {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) return undefined;
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return undefined;
  if (schema.items === undefined) return null;
  if (Array.isArray(schema.items)) return undefined;
  return value.every((item) => deepCheck(schema.items!, item, resolve, depth + 1) === null) ? null : undefined;
}

function objectOk(schema: JsonObject, value: JsonObject, resolve: Resolve, depth: number): null | undefined {
  const keys = Object.keys(value);
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) return undefined;
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) return undefined;
  const props = schema.properties && typeof schema.properties === 'object' && !Array.isArray(schema.properties) ? schema.properties : {};
  // A missing required property may be excused by readOnly/writeOnly: let the validator judge that case.
  if (Array.isArray(schema.required) && schema.required.some((name) => !(String(name) in value))) return undefined;
  for (const key of keys) {
    const sub = key in props ? props[key]! : schema.additionalProperties;
    if (sub === undefined) continue;
    if (sub === false || deepCheck(sub, value[key]!, resolve, depth + 1) !== null) return undefined;
  }
  return null;
}
