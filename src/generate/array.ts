/**
 * `array`: items, prefixItems, minItems, maxItems, uniqueItems, contains (with minContains/maxContains).
 * Lengths are mostly small, sometimes long (up to maxItems, capped), always inside the schema's limits.
 */
import fc from 'fast-check';
import type { Json, JsonObject } from '../types.ts';
import { attempt, isObject, never, num, type CompileContext } from './context.ts';
import { withPool } from './pooled.ts';
import { compileSchema } from './schema.ts';

/** Longest array usually generated when the schema sets no maxItems. */
const OPEN_MAX = 4;

/**
 * Arrays longer than fast-check's small default (10 items), sometimes: up to maxItems (exactly maxItems too),
 * or up to this many items past minItems when the schema sets no maxItems. Capped, so a request stays cheap
 * to build and send.
 */
const LONG_OPEN = 32;
const LONG_CAP = 256;
const LONG_DEPTH = 1;
const WEIGHTS = { usual: 8, longest: 1, long: 1 };

/** Stable text of a JSON value, for uniqueness (object key order does not matter to JSON Schema equality). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Arbitrary for a schema of type `array`. */
export function arrayArbitrary(schema: JsonObject, ctx: CompileContext, depth: number): fc.Arbitrary<unknown[]> {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const minItems = Math.max(0, num(schema, 'minItems') ?? 0);
  const minimal = depth > ctx.maxDepth;
  const tailAllowed = schema.items !== false;
  let maxItems = num(schema, 'maxItems') ?? (minimal ? minItems : Math.max(minItems, prefix.length) + OPEN_MAX);
  if (!tailAllowed) maxItems = Math.min(maxItems, prefix.length);
  if (minItems > maxItems) return never() as fc.Arbitrary<unknown[]>;
  const head = prefix.slice(0, maxItems).map((s) => compileSchema(s, ctx, depth));
  const headMin = Math.min(head.length, minItems);
  const itemArb = compileSchema(itemsSchema(schema), ctx, depth);
  // Items have no name of their own: only the values documented for the items schema itself are pooled.
  const pooled = (a: fc.Arbitrary<unknown>) => (isObject(schema.items) ? withPool(a, '', schema.items, ctx) : a);
  const item = pooled(itemArb);
  const tailMin = Math.max(0, minItems - head.length);
  const tailMax = Math.max(0, maxItems - head.length);
  const unique = schema.uniqueItems === true;
  const values = enumValues(schema.items, ctx);
  const longest = tailAllowed ? Math.min(LONG_CAP, num(schema, 'maxItems') ?? minItems + LONG_OPEN) : 0;
  // Long arrays only near the top and one per path: nested long arrays multiply (256 messages of 256 parts of
  // 256 items took gigabytes on OpenAI's spec, where inline arrays nest without a `$ref` to count).
  const longMax = minimal || depth > LONG_DEPTH || ctx.short ? 0 : longest - head.length;
  const longItem = longMax > 0 ? pooled(compileSchema(itemsSchema(schema), shortContext(ctx), depth)) : item;
  const tail =
    unique && values && head.length === 0
      ? enumSubarray(values, tailMin, tailMax)
      : tailArbitrary(item, tailMin, tailMax, longMax, unique, longItem);
  // A prefix may be cut short (prefixItems does not require its items) unless minItems reaches past it.
  const headLen = fc.integer({ min: headMin, max: head.length });
  let arb = fc
    .tuple(fc.tuple(...head), headLen, tail)
    .map(([h, n, t]) => (n < h.length ? h.slice(0, n) : [...h, ...t]));
  if (schema.contains !== undefined) arb = withContains(arb, schema, ctx, depth, num(schema, 'maxItems') ?? Infinity);
  return unique ? arb.map(dedupe) : arb;
}

const itemsSchema = (schema: JsonObject): Json =>
  schema.items === undefined || schema.items === true ? {} : (schema.items as Json);

const shortContexts = new WeakMap<CompileContext, CompileContext>();

/** The context for the items of a long array: the same, with no long array inside (its own cache). */
function shortContext(ctx: CompileContext): CompileContext {
  if (ctx.short) return ctx;
  let short = shortContexts.get(ctx);
  if (!short) shortContexts.set(ctx, (short = { ...ctx, short: true, cache: new Map() }));
  return short;
}

/** Unique items of an enum: a subarray of it, sometimes all of it that fits. */
function enumSubarray(values: Json[], min: number, max: number): fc.Arbitrary<unknown[]> {
  const lo = Math.min(min, values.length);
  const hi = Math.min(max, values.length);
  return fc.oneof(
    { arbitrary: fc.shuffledSubarray(values, { minLength: lo, maxLength: hi }), weight: WEIGHTS.usual },
    { arbitrary: fc.shuffledSubarray(values, { minLength: hi, maxLength: hi }), weight: WEIGHTS.longest },
  );
}

/**
 * The items after the prefix: mostly fast-check's usual small arrays; sometimes exactly the longest allowed
 * (capped), sometimes any length up to it. Unique items are deduplicated and the length checked (not
 * fc.uniqueArray: it loops forever when the item domain is smaller than minItems, 3 unique booleans).
 */
function tailArbitrary(
  item: fc.Arbitrary<unknown>,
  min: number,
  max: number,
  longMax: number,
  unique: boolean,
  longItem: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown[]> {
  const usual = fc.array(item, { minLength: min, maxLength: max });
  const top = longMax;
  const arb =
    top > Math.min(max, min + 10)
      ? fc.oneof(
          { arbitrary: usual, weight: WEIGHTS.usual },
          { arbitrary: longest(longItem, top, unique), weight: WEIGHTS.longest },
          { arbitrary: fc.array(longItem, { minLength: min, maxLength: top, size: 'max' }), weight: WEIGHTS.long },
        )
      : usual;
  return unique ? attempt(arb.map(dedupe), (a) => a.length >= min, 10) : arb;
}

/** Exactly `n` items; unique ones drawn twice over, deduplicated and cut (repeats are likely among 200 draws). */
function longest(item: fc.Arbitrary<unknown>, n: number, unique: boolean): fc.Arbitrary<unknown[]> {
  if (!unique) return fc.array(item, { minLength: n, maxLength: n });
  return fc.array(item, { minLength: 2 * n, maxLength: 2 * n }).map((a) => dedupe(a).slice(0, n));
}

/** The enum of an items schema (through `$ref`s), when that is all it says. */
function enumValues(items: Json | undefined, ctx: CompileContext): Json[] | undefined {
  let node = items;
  for (let i = 0; i < 8 && isObject(node) && typeof node.$ref === 'string'; i++) node = ctx.resolve(node.$ref);
  if (!isObject(node) || !Array.isArray(node.enum)) return undefined;
  return Object.keys(node).every((k) =>
    ['enum', 'type', 'description', 'title', 'example', 'default', 'nullable'].includes(k),
  )
    ? node.enum
    : undefined;
}

/** Removes later duplicates (prefix items may repeat tail items); validation rejects any that shrink too far. */
function dedupe(items: unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((v) => !seen.has(canonical(v)) && Boolean(seen.add(canonical(v))));
}

/** Inserts minContains (default 1) values of the `contains` schema at generated positions. */
function withContains(
  arb: fc.Arbitrary<unknown[]>,
  schema: JsonObject,
  ctx: CompileContext,
  depth: number,
  maxItems: number,
): fc.Arbitrary<unknown[]> {
  const count = Math.max(0, num(schema, 'minContains') ?? 1);
  if (count === 0) return arb;
  const contained = fc.array(compileSchema(schema.contains, ctx, depth), { minLength: count, maxLength: count });
  return fc.tuple(arb, contained, fc.nat()).map(([items, extra, at]) => {
    const room = Math.max(0, maxItems - extra.length);
    const base = items.slice(0, room);
    const pos = base.length === 0 ? 0 : at % (base.length + 1);
    return [...base.slice(0, pos), ...extra, ...base.slice(pos)];
  });
}
