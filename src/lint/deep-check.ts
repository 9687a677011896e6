/**
 * A fast "certainly valid" verdict for object and array values (examples, defaults) before the real
 * validator is asked. Compiling ajv functions for every schema that has an example dominates lint time on
 * large descriptions, and almost every example is valid. This check only ever answers "valid" (null) or
 * "no verdict" (undefined): any error, and any keyword it does not fully understand, defers to ajv, which
 * then decides and words the problem. So it can make lint faster, never stricter or laxer.
 */
import type { Json, JsonObject } from '../types.ts';
import { shallowCheck, type Resolve } from './shallow-check.ts';
import { escapeSegment } from '../json/pointer.ts';

/** Keywords that do not constrain a value, or that this check evaluates itself. */
const UNDERSTOOD = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'enum',
  'const',
  'allOf',
  'anyOf',
  'oneOf',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'title',
  'description',
  'example',
  'examples',
  'default',
  'deprecated',
  'xml',
  'externalDocs',
  '$comment',
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
]);

/** Keywords that never constrain a value (`readOnly`/`writeOnly` matter only to a parent's `required`). */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'externalDocs',
  '$comment',
]);

const MAX_DEPTH = 32;

/** A definite error: where in the value, and ajv's wording of what is wrong. */
export interface DeepError {
  path: string;
  message: string;
}

/** `null` = certainly valid, a DeepError = certainly invalid, `undefined` = only the real validator can tell. */
export type Verdict = null | DeepError | undefined;

/** Judges `value` against `schema` where that is certain (see the file comment), else `undefined`. */
export function deepVerdict(schema: Json, value: Json, resolve: Resolve, depth = 0, path = ''): Verdict {
  if (
    schema === true ||
    (schema !== null && typeof schema === 'object' && !Array.isArray(schema) && Object.keys(schema).length === 0)
  )
    return null;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema) || depth > MAX_DEPTH) return undefined;
  if (typeof schema.$ref === 'string') {
    // Siblings that only annotate (common in 3.1 documents) change nothing; others need the validator.
    const plain = Object.keys(schema).every((k) => k === '$ref' || ANNOTATIONS.has(k) || k.startsWith('x-'));
    const target = plain ? resolve(schema) : undefined;
    return target ? deepVerdict(target, value, resolve, depth + 1, path) : undefined;
  }
  for (const key of Object.keys(schema)) if (!UNDERSTOOD.has(key) && !key.startsWith('x-')) return undefined;
  if (value === null || typeof value !== 'object') return primitive(schema, value, resolve, depth, path);
  const kind = Array.isArray(value) ? 'array' : 'object';
  if (!typeAllows(schema, kind))
    return typeof schema.type === 'string' || Array.isArray(schema.type)
      ? { path, message: `must be ${[schema.type].flat().join(',')}` }
      : undefined;
  if (Array.isArray(schema.enum) || 'const' in schema) return undefined;
  const composed = composedVerdict(schema, value, resolve, depth, path);
  if (composed !== null) return composed;
  return Array.isArray(value)
    ? arrayVerdict(schema, value, resolve, depth, path)
    : objectVerdict(schema, value, resolve, depth, path);
}

function primitive(
  schema: JsonObject,
  value: string | number | boolean | null,
  resolve: Resolve,
  depth: number,
  path: string,
): Verdict {
  const verdict = shallowCheck(schema, value, resolve, depth);
  return typeof verdict === 'string' ? { path, message: verdict } : verdict;
}

function typeAllows(schema: JsonObject, type: 'array' | 'object'): boolean {
  const t = schema.type;
  if (t === undefined) return true;
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** allOf: all branches; anyOf: at least one; oneOf: exactly one — decided only when every needed verdict is. */
function composedVerdict(schema: JsonObject, value: Json, resolve: Resolve, depth: number, path: string): Verdict {
  if (Array.isArray(schema.allOf)) {
    const verdicts = schema.allOf.map((b) => deepVerdict(b, value, resolve, depth + 1, path));
    const failed = verdicts.find((v) => v !== null && v !== undefined);
    if (failed) return failed;
    if (verdicts.some((v) => v === undefined)) return undefined;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    const verdicts = list.map((b) => deepVerdict(b, value, resolve, depth + 1, path));
    const passed = verdicts.filter((v) => v === null).length;
    const unknown = verdicts.some((v) => v === undefined);
    if (key === 'anyOf' && passed > 0) continue;
    if (key === 'oneOf' && passed === 1 && !unknown) continue;
    if (key === 'oneOf' && passed > 1) return { path, message: 'must match exactly one schema in oneOf' };
    if (unknown) return undefined;
    return {
      path,
      message: key === 'anyOf' ? 'must match a schema in anyOf' : 'must match exactly one schema in oneOf',
    };
  }
  return null;
}

function arrayVerdict(schema: JsonObject, value: Json[], resolve: Resolve, depth: number, path: string): Verdict {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems)
    return { path, message: `must NOT have fewer than ${schema.minItems} items` };
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
    return { path, message: `must NOT have more than ${schema.maxItems} items` };
  if (schema.items === undefined) return null;
  if (Array.isArray(schema.items)) return undefined;
  return all(value.map((item, i) => () => deepVerdict(schema.items!, item, resolve, depth + 1, `${path}/${i}`)));
}

function objectVerdict(schema: JsonObject, value: JsonObject, resolve: Resolve, depth: number, path: string): Verdict {
  const keys = Object.keys(value);
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties)
    return { path, message: `must NOT have fewer than ${schema.minProperties} properties` };
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties)
    return { path, message: `must NOT have more than ${schema.maxProperties} properties` };
  const props =
    schema.properties && typeof schema.properties === 'object' && !Array.isArray(schema.properties)
      ? schema.properties
      : {};
  for (const name of Array.isArray(schema.required) ? schema.required.map(String) : []) {
    if (name in value) continue;
    // readOnly/writeOnly properties are required on one side only: the validator judges per direction.
    const prop = props[name] === undefined ? undefined : resolveDeep(props[name]!, resolve);
    if (prop === undefined || prop.readOnly === true || prop.writeOnly === true) return undefined;
    return { path, message: `must have required property '${name}'` };
  }
  return all(
    keys.map((key) => () => {
      const sub = key in props ? props[key]! : schema.additionalProperties;
      if (sub === undefined) return null;
      if (sub === false) return { path, message: 'must NOT have additional properties' };
      return deepVerdict(sub, value[key]!, resolve, depth + 1, `${path}/${escapeSegment(key)}`);
    }),
  );
}

/** The first definite error, else null when every verdict is null, else undefined. */
function all(verdicts: Array<() => Verdict>): Verdict {
  let unknown = false;
  for (const next of verdicts) {
    const v = next();
    if (v) return v;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : null;
}

function resolveDeep(node: Json, resolve: Resolve): JsonObject | undefined {
  let current: Json | undefined = node;
  for (
    let hops = 0;
    hops < 16 && current && typeof current === 'object' && !Array.isArray(current) && typeof current.$ref === 'string';
    hops++
  )
    current = resolve(current);
  return current && typeof current === 'object' && !Array.isArray(current) ? current : undefined;
}
