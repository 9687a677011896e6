/**
 * Boundary cases, deterministic and before any random ones (like Schemathesis' coverage phase): each enum
 * value, minimum and maximum, string lengths at and next to their limits, arrays at minItems and maxItems,
 * objects with only their required properties and with all of them, optional parameters absent and present.
 * Only VALID edges become boundary cases (each passes the positive gate); the invalid edges next to them
 * (min-1, maxLength+1, ...) are negative cases.
 */
import fc from 'fast-check';
import type { Json, JsonObject } from '../types.ts';
import { baseSequence, type Base, type BaseSequence } from './bases.ts';
import { isObject, num, randomFromSeed, type CompileContext } from './context.ts';
import { mergeAllOf } from './merge.ts';
import { resolveNode } from './mutations.ts';
import { at, replaceAt } from './value-path.ts';
import { numericBounds } from './number.ts';
import { visibleProperties } from './object.ts';
import { paramKey, positiveProblem, type Draft, type OperationGen, type RequestValue } from './request.ts';
import { compileSchema } from './schema.ts';
import { caseSeed } from './seed.ts';
import { setStream } from './stream-switch.ts';
import { typesOf } from './types.ts';
import { PROBE_MAX, stringOfLength } from './string.ts';

type Edit = (value: unknown) => unknown;

/** Edge values of one node, as edits of the current (valid) value there. */
function nodeEdges(node: JsonObject, ctx: CompileContext, seed: number): Edit[] {
  const out: Edit[] = [];
  if (Array.isArray(node.enum)) for (const v of node.enum) out.push(() => v);
  const types = typesOf(node, ctx);
  if (types.includes('boolean') && !Array.isArray(node.enum) && !('const' in node))
    out.push(
      () => true,
      () => false,
    );
  if (types.includes('integer') || types.includes('number')) out.push(...numberEdges(node, !types.includes('number')));
  if (types.includes('string')) out.push(...stringEdges(node));
  if (types.includes('array')) out.push(...arrayEdges(node));
  if (types.includes('object')) out.push(...objectEdges(node, ctx, seed));
  return out;
}

/** The lowest and highest valid value (integers: the limit itself; numbers: only an inclusive limit). */
function numericLimits(node: JsonObject, int: boolean): { lo?: number; hi?: number } {
  const b = numericBounds(node);
  const lo =
    b.min === undefined || (!int && b.minExclusive)
      ? undefined
      : b.minExclusive
        ? Math.floor(b.min) + 1
        : Math.ceil(b.min);
  const hi =
    b.max === undefined || (!int && b.maxExclusive)
      ? undefined
      : b.maxExclusive
        ? Math.ceil(b.max) - 1
        : Math.floor(b.max);
  return int ? { lo, hi } : { lo: lo === undefined ? undefined : b.min, hi: hi === undefined ? undefined : b.max };
}

/** Integers: the limit and its inner neighbour (min, min+1, max-1, max); numbers: the inclusive limits. */
function numberEdges(node: JsonObject, int: boolean): Edit[] {
  const { lo, hi } = numericLimits(node, int);
  const values = [lo, int && lo !== undefined ? lo + 1 : undefined, int && hi !== undefined ? hi - 1 : undefined, hi];
  return values.filter((v): v is number => v !== undefined).map((v) => () => v);
}

/** Strings at min, min+1, max-1 and max code points (each once, within limits). */
function stringEdges(node: JsonObject): Edit[] {
  const min = num(node, 'minLength') ?? 0;
  const max = num(node, 'maxLength');
  const lengths = [min, min + 1, ...(max !== undefined ? [max - 1, max] : [])].filter(
    (n, i, all) => n >= min && n <= PROBE_MAX && (max === undefined || n <= max) && all.indexOf(n) === i,
  );
  return lengths.map((n) => (cur: unknown) => stringOfLength(typeof cur === 'string' ? cur : 'a', n));
}

/** Arrays cut to minItems and grown to maxItems (repeating their items). */
function arrayEdges(node: JsonObject): Edit[] {
  const minItems = num(node, 'minItems') ?? 0;
  const maxItems = num(node, 'maxItems');
  const out: Edit[] = [(cur) => (Array.isArray(cur) ? cur.slice(0, minItems) : cur)];
  if (maxItems !== undefined && maxItems <= 50)
    out.push((cur) =>
      Array.isArray(cur) && cur.length > 0 ? Array.from({ length: maxItems }, (_, i) => cur[i % cur.length]) : cur,
    );
  return out;
}

/** Objects with only their required properties, and with all of them. */
function objectEdges(node: JsonObject, ctx: CompileContext, seed: number): Edit[] {
  const visible = visibleProperties(node, ctx).map(([k]) => k);
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  const full = compileSchema(mergeAllOf({ allOf: [node, { required: visible }] }, ctx), ctx);
  return [
    (cur) => (isObject(cur) ? Object.fromEntries(Object.entries(cur).filter(([k]) => required.has(k))) : cur),
    () => full.generate(randomFromSeed(seed), undefined).value,
  ];
}

/** Every spot of the body worth an edge: the root and nested properties/items, depth-limited. */
function bodyEdits(og: OperationGen, seed: number): Array<(v: RequestValue) => RequestValue | undefined> {
  const ctx = og.gen.context('any');
  const out: Array<(v: RequestValue) => RequestValue | undefined> = [];
  og.model.body?.media.forEach((media, index) => {
    const walk = (schema: Json | undefined, path: Array<string | number>, depth: number): void => {
      const node = resolveNode(schema, ctx);
      if (!node) return;
      for (const edit of nodeEdges(node, ctx, seed)) {
        out.push((v) => {
          if (v.body?.media !== index || at(v.body.value, path) === undefined) return undefined;
          return { ...v, body: { media: index, value: replaceAt(v.body.value, path, edit(at(v.body.value, path))) } };
        });
      }
      if (depth >= 2 || Array.isArray(node.oneOf) || Array.isArray(node.anyOf)) return;
      for (const [k, s] of visibleProperties(node, ctx)) walk(s, [...path, k], depth + 1);
      if (isObject(node.items)) walk(node.items, [...path, 0], depth + 1);
    };
    walk(media.schema, [], 0);
  });
  return out;
}

/** Parameter edges, plus all optional parameters absent and all present. */
function parameterEdits(og: OperationGen, seed: number): Array<(v: RequestValue) => RequestValue | undefined> {
  const out: Array<(v: RequestValue) => RequestValue | undefined> = [];
  const optional = og.model.parameters.filter((p) => !p.required);
  if (optional.length > 0) {
    out.push((v) => ({
      ...v,
      params: Object.fromEntries(Object.entries(v.params).filter(([k]) => !optional.some((p) => paramKey(p) === k))),
    }));
    const all = fc.record(
      Object.fromEntries(
        optional.map((p) => [
          paramKey(p),
          compileSchema(p.schema, og.gen.context(p.in === 'header' ? 'header' : 'any')),
        ]),
      ),
    );
    out.push((v) => ({ ...v, params: { ...v.params, ...all.generate(randomFromSeed(seed), undefined).value } }));
  }
  for (const p of og.model.parameters) {
    const ctx = og.gen.context(p.in === 'header' ? 'header' : p.in === 'path' ? 'path' : 'any');
    const node = resolveNode(p.schema, ctx);
    if (!node || p.contentType) continue;
    const key = paramKey(p);
    for (const edit of nodeEdges(node, ctx, seed))
      out.push((v) => (key in v.params ? { ...v, params: { ...v.params, [key]: edit(v.params[key]) } } : undefined));
  }
  return out;
}

/** The base boundary edits apply to: the example filled from a saturated generated request, else the first valid one, one with a body preferred. */
function editBase(og: OperationGen, seq: BaseSequence): Base | { problem: string } {
  const order = seq.example
    ? [1, 0, ...Array.from({ length: seq.count - 2 }, (_, i) => i + 2)]
    : Array.from({ length: seq.count }, (_, i) => i);
  const valid: Base[] = [];
  let problem: string | undefined;
  for (const n of order) {
    const b = seq.at(n);
    if (b && 'problem' in b) problem ??= b.problem;
    else if (b) valid.push(b);
  }
  const wantsBody = (og.model.body?.media.length ?? 0) > 0;
  return valid.find((b) => !wantsBody || b.value.body) ?? valid[0] ?? { problem: problem ?? 'no valid base request' };
}

/**
 * The boundary drafts of an operation, in a fixed order; only the valid ones, without duplicates. A stream
 * switch comes first, both ways, on the example request (so the stream is produced for a live request); the
 * other edges then go, one at a time, on a base whose other fields carry the spec's pooled values.
 */
export function boundaryDrafts(og: OperationGen, seed: number, problem: (reason: string) => void): Draft[] {
  const key = og.model.operation.key;
  const seq = baseSequence(og, seed, 'boundary', 0);
  const base = editBase(og, seq);
  if ('problem' in base) {
    problem(base.problem);
    return [];
  }
  const streamBase = seq.example ?? base.value;
  const edits = [
    () => setStream(og, streamBase, true),
    () => setStream(og, streamBase, false),
    ...[
      ...parameterEdits(og, caseSeed(seed, key, 'boundary-fill', 0)),
      ...bodyEdits(og, caseSeed(seed, key, 'boundary-fill', 1)),
    ].map((edit) => () => edit(base.value)),
  ];
  const seen = new Set<string>();
  const out: Draft[] = [];
  for (const edit of edits) {
    const value = edit();
    if (!value || positiveProblem(og, value)) continue;
    const text = JSON.stringify(value);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ value });
  }
  return out;
}
