/**
 * What the schema compiler needs from its surroundings, plus the few arbitrary helpers every keyword family uses.
 * The compiler is pure: it only needs `resolve(ref)`; `accepts` (a validator) is optional and only sharpens
 * combinations that cannot be generated exactly (`not`, `oneOf` exclusivity, `if`), bounded, never looping.
 */
import fc from 'fast-check';
import type { Json, JsonObject, OpenApiLine } from '../types.ts';
import type { ValuePool } from './value-pool.ts';

/**
 * Where generated strings end up. Header values must stay printable ASCII with no edge whitespace (HTTP trims
 * it); path values must be non-empty and not `.`/`..` (URL normalisation would change the route).
 */
export type Charset = 'any' | 'header' | 'path';

/** Options and caches shared by one compilation (one spec, one direction, one charset). */
export interface CompileContext {
  /** Target of a `$ref` (internal `#/...` pointers of the bundled document). */
  resolve(ref: string): Json | undefined;
  /** Optional exact check of a value against a (sub)schema; used by bounded filters. */
  accepts?: (schema: Json, value: unknown) => boolean;
  /** `request` leaves readOnly properties out, `response` leaves writeOnly ones out. */
  direction: 'request' | 'response';
  /** `3.0` reads `nullable` and boolean `exclusiveMinimum/Maximum`. */
  line: OpenApiLine;
  charset: Charset;
  /** `$ref` nesting after which only required properties and minimal arrays are generated. */
  maxDepth: number;
  /** The spec's own values by name and schema node (see value-pool.ts); named spots mostly take one. */
  pool?: ValuePool;
  /** Inside a long array: no further long arrays (their sizes would multiply). */
  short?: boolean;
  /** Compiled arbitraries per `$ref` depth, keyed by schema object identity. */
  cache: Map<number, WeakMap<object, fc.Arbitrary<unknown>>>;
}

/** Fills the defaults of a compile context. */
export function createContext(options: Partial<CompileContext> & Pick<CompileContext, 'resolve'>): CompileContext {
  return { direction: 'request', line: '3.1', charset: 'any', maxDepth: 4, cache: new Map(), ...options };
}

/** `$ref` depth past `maxDepth` at which compilation gives up on a branch (required recursion without end). */
export const HARD_DEPTH = 12;

/** Marker produced where no value can satisfy a schema; a value containing it is never emitted. */
export const UNSATISFIABLE: unique symbol = Symbol('unsatisfiable');

/** An arbitrary producing the unsatisfiable marker. */
export const never = (): fc.Arbitrary<unknown> => fc.constant(UNSATISFIABLE);

/** True when `value` (deeply) contains the unsatisfiable marker. */
export function hasUnsatisfiable(value: unknown): boolean {
  if (value === UNSATISFIABLE) return true;
  if (Array.isArray(value)) return value.some(hasUnsatisfiable);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUnsatisfiable);
  return false;
}

/** Narrows a JSON value to an object (not an array). */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Finite number keyword, or undefined. */
export function num(schema: JsonObject, key: string): number | undefined {
  const v = schema[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * Tries `arb` up to `tries` times until `keep` holds; returns the last attempt otherwise (the caller's validation
 * gate then rejects it). fast-check's own `filter` loops forever on an unsatisfiable predicate, hence this.
 */
export function attempt<T>(arb: fc.Arbitrary<T>, keep: (value: T) => boolean, tries = 20): fc.Arbitrary<T> {
  return new BoundedFilter(arb, keep, tries);
}

class BoundedFilter<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly arb: fc.Arbitrary<T>,
    private readonly keep: (value: T) => boolean,
    private readonly tries: number,
  ) {
    super();
  }
  generate(mrng: fc.Random, bias: number | undefined): fc.Value<T> {
    let last = this.arb.generate(mrng, bias);
    for (let i = 1; i < this.tries && !this.keep(last.value); i++) last = this.arb.generate(mrng, bias);
    return last;
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.arb.canShrinkWithoutContext(value) && this.keep(value as T);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.arb.shrink(value, context).filter((v) => this.keep(v.value));
  }
}

/**
 * Defers building an arbitrary until a value is first needed, so a `$ref` graph (recursive or just huge, like
 * Stripe's) is compiled only as far as generation actually reaches. This is what `fc.letrec`'s tie does
 * internally; letrec itself needs every node named up front, which a schema graph does not give us.
 */
export function lazy<T>(build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new Lazy(build);
}

class Lazy<T> extends fc.Arbitrary<T> {
  private built?: fc.Arbitrary<T>;
  constructor(private readonly build: () => fc.Arbitrary<T>) {
    super();
  }
  private get arb(): fc.Arbitrary<T> {
    return (this.built ??= this.build());
  }
  generate(mrng: fc.Random, bias: number | undefined): fc.Value<T> {
    return this.arb.generate(mrng, bias);
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.arb.canShrinkWithoutContext(value);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.arb.shrink(value, context);
  }
}

/** A fast-check random generator seeded like `fc.sample({seed})` (xorshift128plus), without importing pure-rand. */
export function randomFromSeed(seed: number): fc.Random {
  const [random] = fc.sample(new RandomTap(), { seed, numRuns: 1 });
  return random!;
}

class RandomTap extends fc.Arbitrary<fc.Random> {
  generate(mrng: fc.Random): fc.Value<fc.Random> {
    return new fc.Value(mrng.clone(), undefined);
  }
  canShrinkWithoutContext(value: unknown): value is fc.Random {
    return false;
  }
  shrink(): fc.Stream<fc.Value<fc.Random>> {
    return fc.Stream.nil();
  }
}
