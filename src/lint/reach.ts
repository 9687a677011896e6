/**
 * Reachability over the document graph: from some starting nodes, every object reachable through nesting and
 * internal `$ref`s (and discriminator mappings, which name schemas too). One pass, each object once.
 */
import type { Json, Spec } from '../types.ts';
import { escapeSegment, refTarget } from '../json/pointer.ts';
import { isObject } from '../json/is-object.ts';

/** What a reachability walk found. */
export interface Reach {
  /** Every object reached, with the pointer it was first reached at. */
  objects: Map<object, string>;
  /** Target pointer of every `$ref` (and discriminator mapping) followed. */
  targets: Set<string>;
}

function mappingTargets(node: Json | undefined): string[] {
  if (!isObject(node) || !isObject(node.mapping)) return [];
  return Object.values(node.mapping)
    .filter((v): v is string => typeof v === 'string')
    .map((v) =>
      v.startsWith('#') ? (refTarget(v) ?? v) : v.includes('/') ? '' : `/components/schemas/${escapeSegment(v)}`,
    )
    .filter((v) => v !== '');
}

/** Walks from `roots` (pointer, node) through nesting and internal references. */
export function reach(spec: Spec, roots: Array<[string, Json | undefined]>): Reach {
  const objects = new Map<object, string>();
  const targets = new Set<string>();
  const stack: Array<[string, Json | undefined]> = [...roots];
  const follow = (target: string): void => {
    targets.add(target);
    stack.push([target, spec.get(target)]);
  };
  while (stack.length > 0) {
    const [pointer, node] = stack.pop()!;
    if (typeof node !== 'object' || node === null || objects.has(node)) continue;
    objects.set(node, pointer);
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push([`${pointer}/${i}`, child]));
      continue;
    }
    if (typeof node.$ref === 'string') {
      const target = refTarget(node.$ref);
      if (target !== undefined) follow(target);
    }
    for (const target of mappingTargets(node.discriminator)) follow(target);
    for (const key in node) {
      const child = node[key];
      if (typeof child === 'object' && child !== null) stack.push([`${pointer}/${escapeSegment(key)}`, child]);
    }
  }
  return { objects, targets };
}
