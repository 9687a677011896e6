/**
 * Walks two versions of one schema side by side (properties by name, items, additionalProperties, and
 * `oneOf`/`anyOf` branches as paired by match.ts), running every schema rule at every pair it reaches.
 * A pair of definitions is visited once per operation, which also stops cycles through recursive `$ref`s.
 * What the rules say about a pair is computed once per diff and reused by every operation that reaches it.
 */
import type { Spec } from '../types.ts';
import { matchBranches, type Branch } from './match.ts';
import { reachesFinding, type GraphNode } from './reaches.ts';
import { viewSchema } from './schema-view.ts';
import type { Detail, Direction, Paired, SchemaContext, SchemaRef, SchemaRule, SchemaView } from './types.ts';

/** Receives what a schema rule found, tagged with the rule. */
export type Emit = (rule: SchemaRule, details: Detail[], operation: string) => void;

/** Shared by one operation's walk: the documents, the rules and the pairs already visited. */
export interface SchemaWalk {
  base: Spec;
  head: Spec;
  rules: SchemaRule[];
  emit: Emit;
  /** This walk's stamp in `pairs.marks`: a pair is visited in this operation when its mark equals it. */
  mark: number;
  /** True for places identical (through `$ref`s) in both documents: nothing below them can differ. */
  unchanged: (pointer: string) => boolean;
  /** Shared by every operation of one diff, so each schema pair is judged once however many operations reach it. */
  pairs: PairCache;
}

/** What one schema pair yields, independent of the operation and location it is reached from. */
interface PairResult extends GraphNode {
  direction: Direction;
  /** The visited-set key, interned: direction and the pointers where both schemas are defined. */
  key: number;
  /** What each rule found; messages hold HERE where the pair's location goes. */
  found: Array<{ rule: SchemaRule; details: Detail[] }>;
  /** The changed places below this one, in walk order, each with the suffix its location gets. */
  children: Array<{ suffix: string; base: SchemaRef; head: SchemaRef }>;
  /** `children` as pairs, resolved on first use. */
  kids?: Array<{ suffix: string; pair: PairResult }>;
}

/** Pair results by direction and the two schemas' own pointers (a view is a function of its pointer). */
export interface PairCache {
  byRefs: Map<string, PairResult>;
  keys: Map<string, number>;
  /** Per key, the mark of the last walk that visited it; a new walk takes a new mark instead of a new set. */
  marks: number[];
  walks: number;
}

const MAX_DEPTH = 64;
/** Stands for the location in cached messages; a control character no spec path contains. */
const HERE = '\u0001';

/** Creates the cache one diff shares between its operations. */
export function createPairCache(): PairCache {
  return { byRefs: new Map(), keys: new Map(), marks: [], walks: 0 };
}

/** A fresh mark for one operation's walk: nothing is visited under it yet. */
export function nextMark(pairs: PairCache): number {
  return ++pairs.walks;
}

/**
 * Compares the schemas at `base` and `head` and everything below them. Each pair's rule results are computed
 * once per diff and only re-located per operation: the rules see one pair at a time and never the path to it,
 * so the result of a pair does not depend on how it was reached. A pair with nothing found anywhere below it
 * is skipped whole, so an operation costs only the paths that lead to changes.
 */
export function compareSchemas(
  walk: SchemaWalk,
  operation: string,
  direction: Direction,
  location: string,
  base: SchemaRef,
  head: SchemaRef,
): void {
  if (base.pointer === head.pointer && walk.unchanged(base.pointer)) return;
  visit(walk, operation, location, pairResult(walk, direction, base, head), 0);
}

function visit(walk: SchemaWalk, operation: string, location: string, pair: PairResult, depth: number): void {
  if (walk.pairs.marks[pair.key] === walk.mark || depth > MAX_DEPTH) return;
  walk.pairs.marks[pair.key] = walk.mark;
  if (!(pair.reaches ?? reachesFinding(pair, (p) => kidsOf(walk, p).map((k) => k.pair)))) return;
  for (const { rule, details } of pair.found) {
    walk.emit(
      rule,
      details.map((d) => ({ ...d, message: d.message.replaceAll(HERE, location) })),
      operation,
    );
  }
  for (const kid of kidsOf(walk, pair)) visit(walk, operation, location + kid.suffix, kid.pair, depth + 1);
}

function kidsOf(walk: SchemaWalk, pair: PairResult): NonNullable<PairResult['kids']> {
  pair.kids ??= pair.children.map((c) => ({
    suffix: c.suffix,
    pair: pairResult(walk, pair.direction, c.base, c.head),
  }));
  return pair.kids;
}

function pairResult(walk: SchemaWalk, direction: Direction, base: SchemaRef, head: SchemaRef): PairResult {
  const cacheKey = `${direction}\u0000${base.pointer}\u0000${head.pointer}`;
  const hit = walk.pairs.byRefs.get(cacheKey);
  if (hit) return hit;
  const bv = viewSchema(walk.base, base);
  const hv = viewSchema(walk.head, head);
  const ctx = schemaContext(walk, '', direction, HERE, bv, hv);
  const found = walk.rules.map((rule) => ({ rule, details: rule.run(ctx) })).filter((f) => f.details.length > 0);
  const children: PairResult['children'] = [];
  for (const [name, ref] of bv.properties) {
    const other = hv.properties.get(name);
    if (other) children.push({ suffix: `.${name}`, base: ref, head: other });
  }
  if (bv.items && hv.items) children.push({ suffix: '[]', base: bv.items, head: hv.items });
  if (bv.additionalProperties && hv.additionalProperties)
    children.push({ suffix: '.*', base: bv.additionalProperties, head: hv.additionalProperties });
  for (const m of branchesOf(ctx).matched) {
    if (m.base.view !== bv || m.head.view !== hv)
      children.push({ suffix: `<${m.key}>`, base: m.base.ref, head: m.head.ref });
  }
  const changed = children.filter((c) => c.base.pointer !== c.head.pointer || !walk.unchanged(c.base.pointer));
  const key = `${direction} ${bv.pointer} ${hv.pointer}`;
  if (!walk.pairs.keys.has(key)) walk.pairs.keys.set(key, walk.pairs.keys.size);
  const result: PairResult = { direction, key: walk.pairs.keys.get(key)!, found, children: changed };
  walk.pairs.byRefs.set(cacheKey, result);
  return result;
}

const branchCache = new WeakMap<SchemaContext, Paired<Branch, string>>();

/**
 * The branches of both sides, paired. A side without `oneOf`/`anyOf` counts as a union of itself, so
 * turning a schema into a union (or back) compares the old schema with its closest branch.
 */
export function branchesOf(ctx: SchemaContext): Paired<Branch, string> {
  const hit = branchCache.get(ctx);
  if (hit) return hit;
  const side = (which: 'base' | 'head', view: SchemaView): Branch[] =>
    view.variants ? view.variants.map((ref) => ({ ref, view: ctx.view(which, ref) })) : [{ ref: view.source, view }];
  const paired =
    ctx.base.variants || ctx.head.variants
      ? matchBranches(side('base', ctx.base), side('head', ctx.head))
      : emptyPairs();
  branchCache.set(ctx, paired);
  return paired;
}

function emptyPairs(): Paired<Branch, string> {
  return { removed: [], added: [], matched: [], baseParent: '', headParent: '' };
}

function schemaContext(
  walk: SchemaWalk,
  operation: string,
  direction: Direction,
  location: string,
  base: SchemaView,
  head: SchemaView,
): SchemaContext {
  return {
    operation,
    direction,
    location,
    base,
    head,
    view: (side, ref) => viewSchema(side === 'base' ? walk.base : walk.head, ref),
  };
}
