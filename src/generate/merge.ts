/**
 * `allOf` merging: folds every subschema (after `$ref` resolution) into one schema the keyword families can
 * generate from. Merging is best effort (two patterns, two `oneOf`s, ...): the compiler then checks the value
 * against the original `allOf`, so an imperfect merge costs a retry, never an invalid value.
 */
import type { Json, JsonObject } from '../types.ts';
import { isObject, type CompileContext } from './context.ts';

const merged = new WeakMap<object, JsonObject>();

/** Subschemas of an allOf, `$ref`s resolved (3.1 `$ref` siblings kept) and nested allOfs flattened. */
function flatten(schema: Json, ctx: CompileContext, out: JsonObject[], depth: number): void {
  if (schema === true || depth > 32) return;
  if (!isObject(schema)) {
    out.push({ not: {} }); // `false` (or garbage): nothing validates
    return;
  }
  const { $ref, allOf, ...rest } = schema;
  if (typeof $ref === 'string') {
    flatten(ctx.resolve($ref) ?? {}, ctx, out, depth + 1);
    if (ctx.line === '3.0') return; // 3.0: siblings of $ref are ignored
  }
  if (Array.isArray(allOf)) for (const s of allOf) flatten(s, ctx, out, depth + 1);
  if (Object.keys(rest).length > 0) out.push(rest);
}

const MIN_KEYS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const MAX_KEYS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];

/** Normalises 3.0 boolean exclusive bounds to the 3.1 numeric form so bounds merge as numbers. */
function normalise(s: JsonObject): JsonObject {
  const out = { ...s };
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
  return out;
}

function typeSet(t: Json | undefined): string[] | undefined {
  if (typeof t === 'string') return t === 'number' ? ['number', 'integer'] : [t];
  if (Array.isArray(t)) return t.flatMap((x) => typeSet(x) ?? []);
  return undefined;
}

/** Merges one keyword of `next` into `into`. */
function mergeKey(into: JsonObject, key: string, value: Json): void {
  const cur = into[key];
  if (cur === undefined) into[key] = value;
  else if (MIN_KEYS.includes(key) && typeof cur === 'number' && typeof value === 'number')
    into[key] = Math.max(cur, value);
  else if (MAX_KEYS.includes(key) && typeof cur === 'number' && typeof value === 'number')
    into[key] = Math.min(cur, value);
  else if (key === 'type') {
    const a = typeSet(cur) ?? [];
    const both = (typeSet(value) ?? []).filter((t) => a.includes(t));
    into.type = both.length === 0 ? [] : both.includes('number') ? both.filter((t) => t !== 'integer') : both;
  } else if (key === 'required' && Array.isArray(cur) && Array.isArray(value))
    into.required = [...new Set([...cur, ...value])];
  else if (key === 'enum' && Array.isArray(cur) && Array.isArray(value)) {
    const texts = new Set(value.map((v) => JSON.stringify(v)));
    into.enum = cur.filter((v) => texts.has(JSON.stringify(v)));
  } else if (key === 'properties' && isObject(cur) && isObject(value)) {
    const props: JsonObject = { ...cur };
    for (const [k, v] of Object.entries(value)) props[k] = k in props ? { allOf: [props[k]!, v] } : v;
    into.properties = props;
  } else if ((key === 'items' || key === 'additionalProperties') && (value === false || cur === false))
    into[key] = false;
  else if (key === 'items' || key === 'additionalProperties' || key === 'contains' || key === 'propertyNames') {
    into[key] = { allOf: [cur, value] };
  } else if ((key === 'readOnly' || key === 'writeOnly' || key === 'nullable') && typeof value === 'boolean') {
    into[key] = key === 'nullable' ? cur === true && value : cur === true || value;
  }
  // Anything else: the first declaration wins; the final check against the allOf catches disagreements.
}

/** One schema equivalent to (or, where keywords conflict, a superset of) the `allOf` of `schema`. */
export function mergeAllOf(schema: JsonObject, ctx: CompileContext): JsonObject {
  const hit = merged.get(schema);
  if (hit) return hit;
  const parts: JsonObject[] = [];
  flatten(schema, ctx, parts, 0);
  const out: JsonObject = {};
  for (const part of parts.map(normalise)) for (const [k, v] of Object.entries(part)) mergeKey(out, k, v);
  // 3.0 `nullable` only means something next to a `type`; absent in one part means "not nullable".
  if (parts.some((p) => p.nullable !== true) && out.nullable === true) out.nullable = false;
  if (Array.isArray(out.type) && out.type.length === 0) out.not = {};
  // A child of the inheritance pattern (allOf[Parent, ...]) is one concrete branch: the parent's discriminator
  // must not expand into the children again.
  delete out.discriminator;
  merged.set(schema, out);
  return out;
}
