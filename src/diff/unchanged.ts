/**
 * Finds what did not change, so the schema walk can skip it: a place is unchanged when its text is the same
 * in both documents and every `$ref` inside it leads to unchanged places. Dirtiness spreads backwards along
 * `$ref`s to a fixpoint, so recursive schemas are handled exactly. This is what keeps diffing two versions of
 * a 400-operation spec fast: shared components are compared once, not once per operation.
 */
import type { Json, JsonObject, Spec } from '../types.ts';
import { fragmentToPointer, parsePointer } from '../json/pointer.ts';

/** Returns a predicate: true when the node at `pointer` is identical, through every `$ref`, in both specs. */
export function unchangedPlaces(base: Spec, head: Spec): (pointer: string) => boolean {
  const targets = new Set<string>();
  collectRefs(base.document, targets);
  collectRefs(head.document, targets);
  const text = new Map<string, { same: boolean; refs: Set<string> }>();
  const local = (pointer: string) => {
    let hit = text.get(pointer);
    if (!hit) {
      const b = rawAt(base.document, pointer);
      const h = rawAt(head.document, pointer);
      const refs = new Set<string>();
      collectRefs(b, refs);
      hit = { same: b !== undefined && h !== undefined && sameNode(b, h), refs };
      text.set(pointer, hit);
    }
    return hit;
  };
  const dirty = new Set<string>();
  const referrers = new Map<string, string[]>();
  for (const target of targets) {
    const { same, refs } = local(target);
    if (!same) dirty.add(target);
    for (const ref of refs) referrers.set(ref, [...(referrers.get(ref) ?? []), target]);
  }
  const queue = [...dirty];
  while (queue.length > 0) {
    for (const referrer of referrers.get(queue.pop()!) ?? []) {
      if (!dirty.has(referrer)) {
        dirty.add(referrer);
        queue.push(referrer);
      }
    }
  }
  const answers = new Map<string, boolean>(); // the walk asks about the same places once per operation
  return (pointer) => {
    let answer = answers.get(pointer);
    if (answer === undefined) {
      const { same, refs } = local(pointer);
      answer = same && [...refs].every((r) => !dirty.has(r));
      answers.set(pointer, answer);
    }
    return answer;
  };
}

/** Deep equality with object key order ignored; stops at the first difference and at shared nodes (a self-diff). */
function sameNode(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameNode(item, b[i]!));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && sameNode(a[k]!, b[k]!));
}

/** Adds the pointer of every internal `$ref` under `node` to `into`. */
function collectRefs(node: Json | undefined, into: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, into);
  else if (typeof node === 'object' && node !== null) {
    const ref = (node as JsonObject).$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) into.add(fragmentToPointer(ref.slice(1)));
    for (const value of Object.values(node)) if (typeof value === 'object') collectRefs(value, into);
  }
}

/** The node at `pointer` as written (a `$ref` stays a `$ref`). */
function rawAt(document: Json, pointer: string): Json | undefined {
  let node: Json | undefined = document;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (typeof node === 'object' && node !== null) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}
