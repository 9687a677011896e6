/**
 * Pooled values in generation: a property or parameter whose name (or schema node) has values in the spec's
 * value pool takes one of them most of the time (about 70%, deterministic from the seed) and a random value
 * otherwise. Values documented on the node itself (its keywords, and examples of the request it is part of)
 * are used when there are any, else values other places give the same name; only values the schema accepts.
 */
import fc from 'fast-check';
import type { Json } from '../types.ts';
import { hasUnsatisfiable, isObject, type CompileContext } from './context.ts';
import { fitsCharset } from './string.ts';
import { ownValues } from './value-pool.ts';

/**
 * Names whose values must be fresh on every request (reusing the spec's one idempotency key or nonce turns
 * every request after the first into a replay or a conflict): never pooled.
 */
const FRESH_NAMES = /idempot|nonce/i;

/** Pooled values against random ones: 70% of the time a named spot with pooled values takes one. */
const WEIGHTS = { pooled: 7, random: 3 };

function deref(schema: Json | undefined, ctx: CompileContext): Json | undefined {
  let node = schema;
  for (let i = 0; i < 8 && isObject(node) && typeof node.$ref === 'string'; i++) node = ctx.resolve(node.$ref);
  return node;
}

/** Values documented for this schema node (its own keywords, through `$ref`s, and pooled for the node). */
function localValues(schema: Json, ctx: CompileContext, extra: Json[]): Json[] {
  const out: Json[] = [...extra];
  let node: Json | undefined = schema;
  for (let i = 0; i < 8 && isObject(node); i++) {
    out.push(...ownValues(node), ...(ctx.pool?.byNode.get(node) ?? []));
    if (typeof node.$ref !== 'string') break;
    node = ctx.resolve(node.$ref);
  }
  return out;
}

/** Values other places of the spec give this exact name (request, response and parameter examples alike). */
function globalValues(name: string, ctx: CompileContext): Json[] {
  return ctx.pool!.byName.get(name.toLowerCase()) ?? [];
}

function usable(values: Json[], schema: Json, ctx: CompileContext, seen: Set<string>): Json[] {
  const out: Json[] = [];
  for (const v of values) {
    const text = JSON.stringify(v);
    if (text === undefined || seen.has(text)) continue;
    seen.add(text);
    if (hasUnsatisfiable(v) || (typeof v === 'string' && !fitsCharset(v, ctx.charset))) continue;
    if (ctx.accepts!(schema, v)) out.push(v);
  }
  return out;
}

/** True when the schema's own keywords already enumerate its values (nothing for a pool to add). */
function enumerated(schema: Json | undefined): boolean {
  return isObject(schema) && ('const' in schema || Array.isArray(schema.enum));
}

/**
 * The sibling property a name qualifies (`baseline_model` beside `model`, `billingAddress` beside `address`):
 * such a field most likely holds the same kind of value, so it may borrow the sibling's documented values.
 */
export function kinOf(name: string, siblings: string[]): string | undefined {
  const lower = name.toLowerCase();
  const fits = (s: string): boolean =>
    s.length > 0 &&
    s.length < name.length &&
    (lower.endsWith(`_${s.toLowerCase()}`) ||
      lower.endsWith(`-${s.toLowerCase()}`) ||
      name.endsWith(s.charAt(0).toUpperCase() + s.slice(1)));
  return siblings.filter(fits).sort((a, b) => b.length - a.length)[0];
}

/** Where a named spot may borrow values from when it documents none: a qualified sibling's schema. */
export interface Kin {
  name: string;
  schema: Json;
}

const cache = new WeakMap<CompileContext, WeakMap<object, Map<string, Json[]>>>();

/** The usable pooled values of a named spot, validated once per (context, schema, name, extra values, kin). */
function candidates(name: string, schema: Json, ctx: CompileContext, extra: Json[], kin?: Kin): Json[] {
  if (!ctx.pool || !ctx.accepts || !isObject(schema) || FRESH_NAMES.test(name) || enumerated(deref(schema, ctx)))
    return [];
  let bySchema = cache.get(ctx);
  if (!bySchema) cache.set(ctx, (bySchema = new WeakMap()));
  let byName = bySchema.get(schema);
  if (!byName) bySchema.set(schema, (byName = new Map()));
  const key = `${name}\0${kin?.name ?? ''}\0${extra.length === 0 ? '' : JSON.stringify(extra)}`;
  const hit = byName.get(key);
  if (hit) return hit;
  const seen = new Set<string>();
  let found = usable(localValues(schema, ctx, extra), schema, ctx, seen);
  if (found.length === 0 && kin) found = usable(localValues(kin.schema, ctx, []), schema, ctx, seen);
  // Another place's values are only borrowed when this spot documents none: a `model` of the embeddings
  // endpoint is no model for chat, and a server refusing it is right to (a false positive otherwise).
  if (found.length === 0) found = usable(globalValues(name, ctx), schema, ctx, seen);
  byName.set(key, found);
  return found;
}

/**
 * `arb` with the pooled values of a named spot mixed in. `extra` are values the caller knows are local
 * (a parameter's own examples). Without a pool or a validator in the context, `arb` is returned as is.
 */
export function withPool(
  arb: fc.Arbitrary<unknown>,
  name: string,
  schema: Json,
  ctx: CompileContext,
  extra: Json[] = [],
  kin?: Kin,
): fc.Arbitrary<unknown> {
  const values = candidates(name, schema, ctx, extra, kin);
  if (values.length === 0) return arb;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...values), weight: WEIGHTS.pooled },
    { arbitrary: arb, weight: WEIGHTS.random },
  );
}

/** The best pooled value of a named spot (its first documented one, else a sibling's, else a borrowed one), if any. */
export function bestPooled(
  name: string,
  schema: Json,
  ctx: CompileContext,
  extra: Json[] = [],
  kin?: Kin,
): { value: Json } | undefined {
  const [first] = candidates(name, schema, ctx, extra, kin);
  return first === undefined ? undefined : { value: first };
}

/** The kin of property `name` among an object schema's properties, if it has one. */
export function propertyKin(name: string, properties: Record<string, Json>): Kin | undefined {
  const kin = kinOf(name, Object.keys(properties));
  return kin === undefined ? undefined : { name: kin, schema: properties[kin]! };
}
