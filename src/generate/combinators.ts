/**
 * `anyOf`, `oneOf` (with OpenAPI `discriminator` and its `mapping`), `not`, `if`/`then`/`else`.
 * Each branch is merged with the keywords beside the combinator, so `{type: object, required: [a], oneOf: [...]}`
 * generates objects that satisfy both. Exactness (`oneOf` matching one branch only, `not`) is checked with the
 * context's validator, bounded.
 * @see https://spec.openapis.org/oas/v3.1.0#discriminator-object
 */
import fc from 'fast-check';
import type { Json, JsonObject } from '../types.ts';
import { attempt, isObject, type CompileContext } from './context.ts';
import { mergeAllOf } from './merge.ts';
import { compileSchema } from './schema.ts';

/** The keywords of `schema` without the listed ones (a fresh object, so the caller should cache by parent). */
export function without(schema: JsonObject, ...keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(schema)) if (!keys.includes(k)) out[k] = v;
  return out;
}

/**
 * Discriminator values that select the branch `$ref`: its `mapping` entries; else the values the branch itself
 * allows for the property (`const`/`enum`, as OpenAI's spec does without a mapping); else the schema name.
 */
export function discriminatorValues(discriminator: JsonObject, branch: Json, ctx: CompileContext): string[] {
  if (!isObject(branch) || typeof branch.$ref !== 'string') return [];
  const ref = branch.$ref;
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  const mapping = isObject(discriminator.mapping) ? Object.entries(discriminator.mapping) : [];
  const mapped = mapping.filter(([, target]) => target === ref || target === name).map(([value]) => value);
  if (mapped.length > 0) return mapped;
  const target = ctx.resolve(ref);
  const merged = isObject(target) ? mergeAllOf({ allOf: [target] }, ctx) : undefined;
  const prop = isObject(merged?.properties) ? merged.properties[discriminator.propertyName as string] : undefined;
  const own = isObject(prop) ? ('const' in prop ? [prop.const] : Array.isArray(prop.enum) ? prop.enum : []) : [];
  const strings = own.filter((v): v is string => typeof v === 'string');
  return strings.length > 0 ? strings : [name];
}

/** anyOf / oneOf: one branch, merged with the sibling keywords, discriminator property set for that branch. */
export function unionArbitrary(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  const key = Array.isArray(schema.oneOf) ? 'oneOf' : 'anyOf';
  const branches = (schema[key] as Json[]) ?? [];
  const rest = without(schema, key, 'discriminator');
  const siblings = Object.keys(rest).some((k) => !ANNOTATIONS.has(k));
  const disc =
    isObject(schema.discriminator) && typeof schema.discriminator.propertyName === 'string'
      ? schema.discriminator
      : undefined;
  const arbs = branches.map((branch) => {
    const merged = siblings ? mergeAllOf({ allOf: [rest, branch] }, ctx) : branch;
    const arb = compileSchema(merged, ctx, depth);
    const values = disc ? discriminatorValues(disc, branch, ctx) : [];
    if (!disc || values.length === 0) return arb;
    const prop = disc.propertyName as string;
    return fc.tuple(arb, fc.constantFrom(...values)).map(([v, d]) => (isObject(v) ? { ...v, [prop]: d } : v));
  });
  if (arbs.length === 0) return compileSchema(rest, ctx, depth);
  const union = fc.oneof(...arbs);
  const accepts = ctx.accepts;
  // Only oneOf needs the exclusivity check; a merged anyOf branch already satisfies the whole schema.
  return key === 'oneOf' && accepts ? attempt(union, (v) => accepts(schema, v)) : union;
}

/** Keywords that never constrain a value (so their presence beside a oneOf needs no merge). */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'default',
  'deprecated',
  'externalDocs',
  'xml',
  '$comment',
  'readOnly',
  'writeOnly',
]);

/** `not`: values of the rest of the schema, kept only if they fail the `not` subschema. */
export function notArbitrary(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  const base = compileSchema(without(schema, 'not'), ctx, depth);
  const accepts = ctx.accepts;
  return accepts ? attempt(base, (v) => !accepts(schema.not!, v)) : base;
}

/** `if`/`then`/`else`: values from (rest ∧ then) or (rest ∧ else), kept only if they satisfy the whole schema. */
export function conditionalArbitrary(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  const rest = without(schema, 'if', 'then', 'else');
  const branches = [
    mergeAllOf({ allOf: [rest, schema.if ?? true, schema.then ?? true] }, ctx),
    mergeAllOf({ allOf: [rest, schema.else ?? true] }, ctx),
  ];
  const arb = fc.oneof(...branches.map((b) => compileSchema(b, ctx, depth)));
  const accepts = ctx.accepts;
  return accepts ? attempt(arb, (v) => accepts(schema, v)) : arb;
}

/**
 * A discriminator with a `mapping` but no oneOf/anyOf (the allOf inheritance pattern: `Pet` maps `cat` to
 * `Cat = allOf[Pet, ...]`): a server dispatches on the property, so values come from the mapped schemas with the
 * property set to their key. The parent itself stays a rarer branch in case no mapped schema can be generated.
 */
export function inheritanceArbitrary(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  const disc = schema.discriminator as JsonObject;
  const prop = disc.propertyName as string;
  const rest = without(schema, 'discriminator');
  const branches = Object.entries(disc.mapping as JsonObject)
    .filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' &&
        ctx.resolve(entry[1].startsWith('#') ? entry[1] : `#/components/schemas/${entry[1]}`) !== schema,
    )
    .map(([value, target]) => {
      const ref = target.startsWith('#') ? target : `#/components/schemas/${target}`;
      return compileSchema({ $ref: ref }, ctx, depth).map((v) => (isObject(v) ? { ...v, [prop]: value } : v));
    });
  const parent = compileSchema(rest, ctx, depth);
  return branches.length === 0
    ? parent
    : fc.oneof({ arbitrary: fc.oneof(...branches), weight: 4 }, { arbitrary: parent, weight: 1 });
}
