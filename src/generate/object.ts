/**
 * `object`: properties, required, additionalProperties, patternProperties, propertyNames, min/maxProperties,
 * dependentRequired. readOnly properties are left out of requests and writeOnly ones out of responses
 * (OAS 3.x "Fixed Fields": readOnly "SHOULD NOT be sent as part of the request").
 * Extra keys are only added where the schema explicitly allows them: many servers reject unknown fields,
 * and a positive case must be one the documentation clearly blesses.
 */
import fc from 'fast-check';
import type { Json, JsonObject } from '../types.ts';
import { attempt, isObject, num, type CompileContext } from './context.ts';
import { patternArbitrary, patternRegExp } from './pattern.ts';
import { compileSchema } from './schema.ts';
import { propertyKin, withPool } from './pooled.ts';
import { plainString } from './string.ts';

/** Follows `$ref`s (bounded) to read annotation keywords such as readOnly. */
export function shallowDeref(schema: Json | undefined, ctx: CompileContext): Json | undefined {
  let node = schema;
  for (let i = 0; i < 16 && isObject(node) && typeof node.$ref === 'string'; i++) {
    if (node.readOnly === true || node.writeOnly === true) return node; // 3.1 siblings of $ref count
    node = ctx.resolve(node.$ref);
  }
  return node;
}

/** True when the property must be left out for the context's direction. */
export function isHidden(schema: Json | undefined, ctx: CompileContext): boolean {
  const target = shallowDeref(schema, ctx);
  if (!isObject(target)) return false;
  return ctx.direction === 'request' ? target.readOnly === true : target.writeOnly === true;
}

/** The properties a value for this context may carry, in declaration order. */
export function visibleProperties(schema: JsonObject, ctx: CompileContext): Array<[string, Json]> {
  const props = isObject(schema.properties) ? Object.entries(schema.properties) : [];
  return props.filter(([, s]) => !isHidden(s, ctx));
}

/**
 * Objects from key/value pairs. Not fc.dictionary: it loops forever when the key domain is smaller than
 * minKeys (propertyNames with two names and minProperties 3); repeated keys just collapse here, and the
 * validation gate rejects an object left too small.
 */
function entries(
  key: fc.Arbitrary<unknown>,
  value: fc.Arbitrary<unknown>,
  min: number,
  max: number,
): fc.Arbitrary<Record<string, unknown>> {
  return fc.array(fc.tuple(key, value), { minLength: min, maxLength: max }).map((pairs) => {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of pairs) out[String(k)] = v;
    return out;
  });
}

/** Arbitrary for extra keys allowed by patternProperties / additionalProperties (empty record when none). */
function extraArbitrary(
  schema: JsonObject,
  ctx: CompileContext,
  depth: number,
  taken: Set<string>,
  minKeys: number,
): fc.Arbitrary<Record<string, unknown>>[] {
  const out: fc.Arbitrary<Record<string, unknown>>[] = [];
  const patterns = isObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
  for (const [pattern, sub] of patterns) {
    if (!patternRegExp(pattern)) continue;
    const key = attempt(patternArbitrary(pattern, plainString(ctx, 1, 12)), (k) => !taken.has(k));
    out.push(entries(key, compileSchema(sub, ctx, depth), 0, 2));
  }
  const extra = schema.additionalProperties;
  if (extra === true || isObject(extra)) {
    const regexes = patterns.map(([p]) => patternRegExp(p)).filter((r): r is RegExp => r !== undefined);
    const key = isObject(schema.propertyNames)
      ? (compileSchema(schema.propertyNames, ctx, depth) as fc.Arbitrary<string>)
      : plainString(ctx, 1, 12);
    const fresh = attempt(key, (k) => typeof k === 'string' && !taken.has(k) && !regexes.some((r) => r.test(k)));
    out.push(entries(fresh, compileSchema(extra === true ? {} : extra, ctx, depth), minKeys, Math.max(2, minKeys)));
  }
  return out;
}

/** Keys `required` by the schema that the context may send (a hidden readOnly/writeOnly key is not required). */
function requiredKeys(schema: JsonObject, ctx: CompileContext): string[] {
  const props = isObject(schema.properties) ? schema.properties : {};
  const declared = Array.isArray(schema.required)
    ? schema.required.filter((k): k is string => typeof k === 'string')
    : [];
  return [...new Set(declared)].filter((k) => !(k in props && isHidden(props[k], ctx)));
}

/** Adds the properties `dependentRequired` demands, taking their values from a full record. */
function withDependents(
  schema: JsonObject,
  value: Record<string, unknown>,
  all: Record<string, unknown>,
): Record<string, unknown> {
  if (!isObject(schema.dependentRequired)) return value;
  const out = { ...value };
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, deps] of Object.entries(schema.dependentRequired)) {
      if (!(key in out) || !Array.isArray(deps)) continue;
      for (const dep of deps) {
        if (typeof dep === 'string' && !(dep in out) && dep in all) {
          out[dep] = all[dep];
          changed = true;
        }
      }
    }
  }
  return out;
}

/** Arbitrary for a schema of type `object`. */
export function objectArbitrary(
  schema: JsonObject,
  ctx: CompileContext,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const minimal = depth > ctx.maxDepth;
  const visible = visibleProperties(schema, ctx);
  const required = requiredKeys(schema, ctx);
  const minProps = num(schema, 'minProperties') ?? 0;
  const maxProps = num(schema, 'maxProperties') ?? Infinity;
  // Enough keys to meet minProperties are made required; with no room left, optional keys stay out.
  const forced = new Set(required);
  for (const [k] of visible) if (forced.size < minProps) forced.add(k);
  // Null prototype: property names such as `constructor` or `__proto__` are ordinary keys here.
  const model: Record<string, fc.Arbitrary<unknown>> = Object.create(null);
  const siblings = Object.fromEntries(visible);
  for (const [k, s] of visible)
    if (!minimal || forced.has(k))
      model[k] = withPool(compileSchema(s, ctx, depth), k, s, ctx, [], propertyKin(k, siblings));
  for (const k of required)
    if (!Object.hasOwn(model, k))
      model[k] = compileSchema(isObject(schema.additionalProperties) ? schema.additionalProperties : {}, ctx, depth);
  const keys = Object.keys(model);
  const record = fc.record(model, { requiredKeys: keys.filter((k) => forced.has(k)) });
  const taken = new Set([...keys, ...visible.map(([k]) => k)]);
  const extras =
    minimal && forced.size >= minProps
      ? []
      : extraArbitrary(schema, ctx, depth, taken, Math.max(0, minProps - forced.size));
  const full = isObject(schema.dependentRequired) ? fc.record(model) : fc.constant({});
  return fc.tuple(record, full, ...extras).map(([base, all, ...more]) => {
    let value = withDependents(schema, base as Record<string, unknown>, all as Record<string, unknown>);
    for (const m of more) value = { ...m, ...value };
    const names = Object.keys(value);
    if (names.length <= maxProps) return value;
    const keep = new Set(
      [...required, ...names.filter((k) => !required.includes(k))].slice(0, Math.max(maxProps, required.length)),
    );
    return Object.fromEntries(Object.entries(value).filter(([k]) => keep.has(k)));
  });
}
