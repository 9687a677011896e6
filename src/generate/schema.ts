/**
 * The schema compiler's dispatcher: JSON Schema (2020-12, and OpenAPI 3.0 Schema Objects) → fast-check
 * arbitrary. Each keyword family lives in its own file; this one only routes and caches (per `$ref` depth,
 * by schema object identity).
 */
import fc from 'fast-check';
import type { Json, JsonObject } from '../types.ts';
import { HARD_DEPTH, attempt, isObject, lazy, never, type CompileContext } from './context.ts';
import { conditionalArbitrary, inheritanceArbitrary, notArbitrary, unionArbitrary, without } from './combinators.ts';
import { mergeAllOf } from './merge.ts';
import { typedArbitrary } from './types.ts';

/** Compiles `schema` (`undefined`/`true` = anything) to an arbitrary of values it should accept. */
export function compileSchema(schema: Json | undefined, ctx: CompileContext, depth = 0): fc.Arbitrary<unknown> {
  if (schema === false) return never();
  const node: JsonObject = isObject(schema) ? schema : {};
  let level = ctx.cache.get(depth);
  if (!level) ctx.cache.set(depth, (level = new WeakMap()));
  const hit = level.get(node);
  if (hit) return hit;
  const arb = build(node, ctx, depth);
  level.set(node, arb);
  return arb;
}

function build(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') return refArbitrary(schema, ctx, depth);
  if (Array.isArray(schema.allOf)) return allOfArbitrary(schema, ctx, depth);
  if (schema.not !== undefined) return notArbitrary(schema, ctx, depth);
  if (schema.if !== undefined) return conditionalArbitrary(schema, ctx, depth);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.length > 0 ? fc.constantFrom(...schema.enum) : never();
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return unionArbitrary(schema, ctx, depth);
  if (
    isObject(schema.discriminator) &&
    isObject(schema.discriminator.mapping) &&
    typeof schema.discriminator.propertyName === 'string'
  )
    return inheritanceArbitrary(schema, ctx, depth);
  return typedArbitrary(schema, ctx, depth);
}

/** `$ref`: compiled lazily one level deeper; past the hard depth limit recursion gives up on that branch. */
function refArbitrary(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  if (depth >= ctx.maxDepth + HARD_DEPTH) return never();
  const ref = schema.$ref as string;
  const siblings = without(schema, '$ref');
  // 3.1: keywords beside $ref apply too (allOf semantics); 3.0 ignores them.
  const constrained =
    ctx.line !== '3.0' &&
    Object.keys(siblings).some((k) => !/^(description|title|summary|example|examples|default|deprecated)$/.test(k));
  return lazy(() => {
    const target = constrained ? mergeAllOf({ allOf: [{ $ref: ref }, siblings] }, ctx) : ctx.resolve(ref);
    return target === undefined ? never() : compileSchema(target, ctx, depth + 1);
  });
}

/** `allOf`: merged into one schema; the value is then checked against the original (bounded). */
function allOfArbitrary(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown> {
  const arb = compileSchema(mergeAllOf(schema, ctx), ctx, depth);
  const accepts = ctx.accepts;
  return accepts ? attempt(arb, (v) => accepts(schema, v)) : arb;
}
