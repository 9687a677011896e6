/**
 * Walks two versions of one schema side by side (properties by name, items, additionalProperties, and
 * `oneOf`/`anyOf` branches as paired by match.ts), running every schema rule at every pair it reaches.
 * A pair of definitions is visited once per operation, which also stops cycles through recursive `$ref`s.
 */
import type { Spec } from '../types.ts';
import { matchBranches, type Branch } from './match.ts';
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
  visited: Set<string>;
  /** True for places identical (through `$ref`s) in both documents: nothing below them can differ. */
  unchanged: (pointer: string) => boolean;
}

const MAX_DEPTH = 64;

/** Compares the schemas at `base` and `head` and everything below them. */
export function compareSchemas(walk: SchemaWalk, operation: string, direction: Direction, location: string, base: SchemaRef, head: SchemaRef, depth = 0): void {
  if (base.pointer === head.pointer && walk.unchanged(base.pointer)) return;
  const bv = viewSchema(walk.base, base);
  const hv = viewSchema(walk.head, head);
  const key = `${direction} ${bv.pointer} ${hv.pointer}`;
  if (walk.visited.has(key) || depth > MAX_DEPTH) return;
  walk.visited.add(key);
  const ctx = schemaContext(walk, operation, direction, location, bv, hv);
  for (const rule of walk.rules) walk.emit(rule, rule.run(ctx), operation);
  for (const [name, ref] of bv.properties) {
    const other = hv.properties.get(name);
    if (other) compareSchemas(walk, operation, direction, `${location}.${name}`, ref, other, depth + 1);
  }
  if (bv.items && hv.items) compareSchemas(walk, operation, direction, `${location}[]`, bv.items, hv.items, depth + 1);
  if (bv.additionalProperties && hv.additionalProperties) {
    compareSchemas(walk, operation, direction, `${location}.*`, bv.additionalProperties, hv.additionalProperties, depth + 1);
  }
  for (const m of branchesOf(ctx).matched) {
    if (m.base.view === bv && m.head.view === hv) continue;
    compareSchemas(walk, operation, direction, `${location}<${m.key}>`, m.base.ref, m.head.ref, depth + 1);
  }
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
  const paired = ctx.base.variants || ctx.head.variants ? matchBranches(side('base', ctx.base), side('head', ctx.head)) : emptyPairs();
  branchCache.set(ctx, paired);
  return paired;
}

function emptyPairs(): Paired<Branch, string> {
  return { removed: [], added: [], matched: [], baseParent: '', headParent: '' };
}

function schemaContext(walk: SchemaWalk, operation: string, direction: Direction, location: string, base: SchemaView, head: SchemaView): SchemaContext {
  return {
    operation,
    direction,
    location,
    base,
    head,
    view: (side, ref) => viewSchema(side === 'base' ? walk.base : walk.head, ref),
  };
}
