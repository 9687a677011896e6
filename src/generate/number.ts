/**
 * `integer` and `number`: minimum/maximum in both dialects (3.0 boolean `exclusiveMinimum`, 3.1 numeric),
 * `multipleOf`, and the OpenAPI formats int32, int64, float, double.
 */
import fc from 'fast-check';
import type { JsonObject } from '../types.ts';
import { attempt, never, num } from './context.ts';

/** Inclusive/exclusive bounds of a numeric schema, normalised across the 3.0 and 3.1 spellings. */
export interface NumericBounds {
  min?: number;
  max?: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

const FORMAT_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  float: [-3.4028234663852886e38, 3.4028234663852886e38],
};

/** Reads the bounds of a numeric schema; the tighter of an inclusive and an exclusive bound wins. */
export function numericBounds(schema: JsonObject): NumericBounds {
  const b: NumericBounds = { minExclusive: false, maxExclusive: false };
  const tighten = (side: 'min' | 'max', value: number | undefined, exclusive: boolean): void => {
    if (value === undefined) return;
    const cur = b[side];
    const tighter = cur === undefined || (side === 'min' ? value > cur : value < cur);
    if (tighter || (value === cur && exclusive)) {
      b[side] = value;
      b[side === 'min' ? 'minExclusive' : 'maxExclusive'] = exclusive;
    }
  };
  // 3.0: `exclusiveMinimum: true` turns `minimum` exclusive; 3.1: `exclusiveMinimum` is a number of its own.
  tighten('min', num(schema, 'minimum'), schema.exclusiveMinimum === true);
  tighten('max', num(schema, 'maximum'), schema.exclusiveMaximum === true);
  tighten('min', num(schema, 'exclusiveMinimum'), true);
  tighten('max', num(schema, 'exclusiveMaximum'), true);
  const range = typeof schema.format === 'string' ? FORMAT_RANGE[schema.format] : undefined;
  if (range) {
    tighten('min', range[0], false);
    tighten('max', range[1], false);
  }
  return b;
}

/** Integer range [lo, hi] allowed by the bounds (both finite, clamped to safe integers). */
export function integerRange(b: NumericBounds): [number, number] {
  let lo = b.min === undefined ? -2147483648 : b.minExclusive && Number.isInteger(b.min) ? b.min + 1 : Math.ceil(b.min);
  let hi = b.max === undefined ? 2147483647 : b.maxExclusive && Number.isInteger(b.max) ? b.max - 1 : Math.floor(b.max);
  // An open side is widened from the other one so `minimum: 5e9` alone still has room above it.
  if (b.min === undefined && b.max !== undefined) lo = Math.min(lo, hi - 1000);
  if (b.max === undefined && b.min !== undefined) hi = Math.max(hi, lo + 1000);
  return [Math.max(lo, Number.MIN_SAFE_INTEGER), Math.min(hi, Number.MAX_SAFE_INTEGER)];
}

/** Decimal places of a number, so `k * 0.01` can be rounded back onto the grid. */
function decimals(x: number): number {
  const s = String(x);
  const e = s.match(/e-(\d+)$/);
  if (e) return Number(e[1]) + (s.split('e')[0]!.split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

/** Multiples of `step` inside the bounds: k * step for integer k. */
function multiples(step: number, b: NumericBounds, integer: boolean): fc.Arbitrary<number> {
  const lo = b.min === undefined ? undefined : b.min / step;
  const hi = b.max === undefined ? undefined : b.max / step;
  const k = integerRange({ min: lo, max: hi, minExclusive: b.minExclusive, maxExclusive: b.maxExclusive });
  if (k[0] > k[1]) return never() as fc.Arbitrary<number>;
  const places = Math.min(decimals(step), 100);
  const arb = fc
    .integer({ min: k[0], max: k[1] })
    .map((n) => (integer ? Math.round(n * step) : Number((n * step).toFixed(places))));
  // Validators test `x / step` for integrality in floating point (4.69 / 0.01 is not an integer there), so keep
  // only values that pass that very test.
  return integer ? arb : attempt(arb, (v) => Number.isInteger(v / step), 30);
}

/**
 * Integers past int64 and at its edges, where nothing bounds the schema: 2^63 (one past int64's maximum), -2^63
 * (its minimum), 2^64, and the doubles next to them (int64 ± 2048, the nearest a JSON number parsed as a double
 * gets). Written exactly (src/generate/json-text.ts), so a server reading int64 sees the very digits.
 */
const INTEGER_EDGES = [2 ** 63, -(2 ** 63), 2 ** 64, -(2 ** 64), 2 ** 63 + 2048, -(2 ** 63) - 2048, 2 ** 63 - 1024];

/** Extreme doubles: the largest, the smallest subnormal, negative zero. */
const NUMBER_EDGES = [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, -0];

/** Share of draws that take an edge (1 in 10), where the schema leaves room for one. */
const EDGE_WEIGHTS = { usual: 9, edge: 1 };

function inBounds(x: number, b: NumericBounds): boolean {
  if (b.min !== undefined && (b.minExclusive ? x <= b.min : x < b.min)) return false;
  return !(b.max !== undefined && (b.maxExclusive ? x >= b.max : x > b.max));
}

/** `arb`, with the edges the bounds (and format range) allow mixed in. */
function withEdges(arb: fc.Arbitrary<number>, edges: number[], b: NumericBounds): fc.Arbitrary<number> {
  const fitting = edges.filter((x) => inBounds(x, b));
  if (fitting.length === 0) return arb;
  return fc.oneof(
    { arbitrary: arb, weight: EDGE_WEIGHTS.usual },
    { arbitrary: fc.constantFrom(...fitting), weight: EDGE_WEIGHTS.edge },
  );
}

/** Arbitrary for a schema of type `integer` (or `number` when `integer` is false). */
export function numberArbitrary(schema: JsonObject, integer: boolean): fc.Arbitrary<number> {
  const b = numericBounds(schema);
  const step = num(schema, 'multipleOf');
  // An integer schema with a fractional multipleOf (0.5) accepts every integer: plain range then.
  if (step !== undefined && step > 0 && (!integer || Number.isInteger(step))) return multiples(step, b, integer);
  if (integer) {
    const [lo, hi] = integerRange(b);
    return lo > hi ? (never() as fc.Arbitrary<number>) : withEdges(fc.integer({ min: lo, max: hi }), INTEGER_EDGES, b);
  }
  if (b.min !== undefined && b.max !== undefined && b.min > b.max) return never() as fc.Arbitrary<number>;
  const usual = fc
    .double({
      min: b.min ?? (b.max !== undefined ? Math.min(b.max, 0) - 1e6 : -1e9),
      max: b.max ?? (b.min !== undefined ? Math.max(b.min, 0) + 1e6 : 1e9),
      minExcluded: b.minExclusive,
      maxExcluded: b.maxExclusive,
      noNaN: true,
      noDefaultInfinity: true,
    })
    .map((x) => (Object.is(x, -0) ? 0 : x));
  return withEdges(usual, [...NUMBER_EDGES, ...INTEGER_EDGES], b);
}
