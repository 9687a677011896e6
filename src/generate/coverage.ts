/**
 * Coverage values: every enum value and every documented example of an operation's request (parameter
 * `example`/`examples`, Schema `example`/`examples` of parameters and body properties, media type examples)
 * is sent at least once by its first positive cases, before random ones. Positive case `i` sets every spot
 * that has an `i`-th value to it (so the list takes as many cases as the longest spot has values, not their
 * sum); whole-body examples come first, one per case, and body spots start after them. A value the rest of the request does not accept in
 * combination is dropped for that case, never sent invalid (the positive gate has the final word).
 */
import type { Json, Operation, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import { isObject, type CompileContext } from './context.ts';
import { documentedExamples, validExamples } from './example-variant.ts';
import { isFreshField } from './fresh.ts';
import { resolveNode } from './mutations.ts';
import { visibleProperties } from './object.ts';
import {
  charsetFor,
  operationGen,
  paramKey,
  positiveProblem,
  type OperationGen,
  type RequestValue,
} from './request.ts';
import { specGeneration } from './spec-context.ts';
import { fitsCharset } from './string.ts';
import { typesOf } from './types.ts';
import { at, replaceAt } from './value-path.ts';

type Path = Array<string | number>;

/** One spot of a request and the documented values it is sent with at least once. */
export interface CoverageSpot {
  /** `query.limit`, `body.a.b[0]`. */
  location: string;
  values: Json[];
  /** The case that takes `values[0]`: body spots come after the whole-body examples. */
  offset: number;
  set(value: RequestValue, v: Json): RequestValue | undefined;
}

/** An operation's coverage: whole-body examples (one per case first), then the spots. */
export interface Coverage {
  bodies: Array<{ media: number; value: Json }>;
  spots: CoverageSpot[];
  /** Positive cases the deterministic list takes. */
  rounds: number;
}

/** Nesting of the deepest body spot, branches followed at one spot, and spots per operation. */
const MAX_DEPTH = 5;
const MAX_HOPS = 3;
const MAX_SPOTS = 400;
const cache = new WeakMap<OperationGen, Coverage>();

/** The spot's values: enum values then examples (own and the schema's), each once, each valid there. */
function spotValues(schema: Json, ctx: CompileContext, own: Json[] = []): Json[] {
  const node = resolveNode(schema, ctx);
  const listed = [...(node && Array.isArray(node.enum) ? node.enum : []), ...own, ...documentedExamples(schema, ctx)];
  const seen = new Set<string>();
  return listed.filter((v) => {
    const text = JSON.stringify(v);
    if (text === undefined || seen.has(text)) return false;
    seen.add(text);
    if (typeof v === 'string' && !fitsCharset(v, ctx.charset)) return false;
    return ctx.accepts?.(schema, v) ?? true;
  });
}

function parameterSpots(og: OperationGen): CoverageSpot[] {
  return og.model.parameters.flatMap((p) => {
    const ctx = og.gen.context(charsetFor(p));
    const values = spotValues(p.schema, ctx, documentedExamples(p.object, ctx));
    if (values.length === 0) return [];
    const key = paramKey(p);
    return [
      {
        location: `${p.in}.${p.name}`,
        values,
        offset: 0,
        set: (v, x) => ({ ...v, params: { ...v.params, [key]: x } }),
      },
    ];
  });
}

const locationOf = (path: Path): string =>
  `body${path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;

/** True when `path` can be written into `value`: every array on the way holds the item (objects are created). */
function reachable(value: unknown, path: Path): boolean {
  return path.every((seg, i) => {
    const parent = at(value, path.slice(0, i));
    if (typeof seg === 'number') return Array.isArray(parent) && parent.length > seg;
    return parent === undefined || isObject(parent);
  });
}

/** A body spot: an absent optional property (and objects on the way) is added, an absent array item is not. */
function bodySpot(media: number, path: Path, values: Json[]): CoverageSpot {
  return {
    location: locationOf(path),
    values,
    offset: 0,
    set(v, x) {
      if (v.body?.media !== media || !reachable(v.body.value, path)) return undefined;
      return { ...v, body: { media, value: replaceAt(v.body.value, path, x) } };
    },
  };
}

/**
 * Spots of a body schema: each node's own values, then its properties and items; the members of a `oneOf`/
 * `anyOf`/`allOf` describe the same spot (a value of the branch the request does not take is refused by the gate).
 */
function walkBody(
  og: OperationGen,
  media: number,
  schema: Json | undefined,
  path: Path,
  out: CoverageSpot[],
  hops = 0,
): void {
  const ctx = og.gen.context('any');
  const node = resolveNode(schema, ctx);
  if (!node || schema === undefined || out.length > MAX_SPOTS) return;
  const name = path[path.length - 1];
  const fresh = typeof name === 'string' && path.length === 1 && isFreshField(og, name, node);
  if (path.length > 0 && !fresh) {
    const values = spotValues(schema, ctx);
    if (values.length > 0) out.push(bodySpot(media, path, values));
  }
  if (hops < MAX_HOPS)
    for (const key of ['oneOf', 'anyOf'] as const)
      if (Array.isArray(node[key])) for (const branch of node[key]) walkBody(og, media, branch, path, out, hops + 1);
  if (path.length >= MAX_DEPTH) return;
  const types = typesOf(node, ctx);
  if (types.includes('object'))
    for (const [k, s] of visibleProperties(node, ctx)) walkBody(og, media, s, [...path, k], out);
  if (types.includes('array') && isObject(node.items)) walkBody(og, media, node.items, [...path, 0], out);
}

/** The coverage list of an operation (cached). */
export function coverageOf(og: OperationGen): Coverage {
  const hit = cache.get(og);
  if (hit) return hit;
  const spots = parameterSpots(og);
  const bodies: Coverage['bodies'] = [];
  const bodySpots: CoverageSpot[] = [];
  og.model.body?.media.forEach((m, i) => {
    for (const value of validExamples(og.gen, m)) bodies.push({ media: i, value });
    if (m.kind === 'json' || m.kind === 'form' || m.kind === 'multipart' || m.kind === 'xml')
      walkBody(og, i, m.schema, [], bodySpots);
  });
  spots.push(...bodySpots.map((s) => ({ ...s, offset: bodies.length })));
  const rounds = Math.max(bodies.length, ...spots.map((s) => s.offset + s.values.length));
  const made: Coverage = { bodies, spots, rounds };
  cache.set(og, made);
  return made;
}

/** `value` with `next` applied when the request stays valid; `value` itself otherwise. */
function tryApply(og: OperationGen, value: RequestValue, next: RequestValue | undefined): RequestValue {
  return next && !positiveProblem(og, next) ? next : value;
}

/**
 * The coverage overlay of positive case `index`, or undefined past the list: case `i` takes body example `i`
 * (whole, when there is one) and the next value of every spot (all at once when the request accepts them,
 * else one at a time, keeping those it accepts).
 */
export function coverageOverlay(og: OperationGen, index: number): ((v: RequestValue) => RequestValue) | undefined {
  const cov = coverageOf(og);
  if (index >= cov.rounds) return undefined;
  const example = cov.bodies[index];
  const spots = cov.spots.filter((s) => index >= s.offset && index - s.offset < s.values.length);
  const valueOf = (s: CoverageSpot): Json => s.values[index - s.offset]!;
  return (value) => {
    const start = example ? tryApply(og, value, { ...value, body: example }) : value;
    const all = spots.reduce<RequestValue | undefined>((v, s) => v && s.set(v, valueOf(s)), start);
    if (all && !positiveProblem(og, all)) return all;
    return spots.reduce((v, s) => tryApply(og, v, s.set(v, valueOf(s))), start);
  };
}

/** Positive cases an operation needs to send every enum value and documented example once (the engine's hint). */
export function coverageRounds(spec: Spec, operation: Operation, validator?: Validator): number {
  return coverageOf(operationGen(specGeneration(spec, validator), operation)).rounds;
}
