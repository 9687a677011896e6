/** Walks of the bundled document that follow internal `$ref`s the way ajv does (pointer syntax is ../json/). */
import { isObject } from '../json/is-object.ts';
import { escapeSegment, parsePointer } from '../json/pointer.ts';
import type { Json, JsonObject, Spec } from '../types.ts';

/** Follows a chain of internal `$ref`s starting at `pointer`; stops at cycles and external refs. */
export function followRefs(
  spec: Spec,
  value: Json | undefined,
  pointer: string,
): { value: Json | undefined; pointer: string } {
  const seen = new Set<string>();
  while (isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#') && !seen.has(pointer)) {
    seen.add(pointer);
    pointer = value.$ref.slice(1);
    value = walk(spec.document, parsePointer(pointer));
  }
  return { value, pointer };
}

function walk(root: Json, segments: string[]): Json | undefined {
  let node: Json | undefined = root;
  for (const s of segments) {
    if (Array.isArray(node)) node = node[Number(s)];
    else if (isObject(node)) node = node[s];
    else return undefined;
  }
  return node;
}

type Resolved = { value: Json; pointer: string } | undefined;

// Checks ask the same few questions of every exchange; the document does not change during a run, so each
// (base, segments) is walked once per spec. Keys escape segments, so no two questions share a key.
const resolved = new WeakMap<Spec, Map<string, Resolved>>();

/**
 * Resolves `segments` below `base`, jumping through every `$ref` met on the way, and returns the real
 * pointer of the node reached (the one `spec.locate` knows), or undefined when the path does not exist.
 */
export function resolveFrom(spec: Spec, base: string, segments: string[]): Resolved {
  let memo = resolved.get(spec);
  if (!memo) resolved.set(spec, (memo = new Map()));
  let key = base + '\u0000';
  for (const s of segments) key += '/' + escapeSegment(s);
  if (memo.has(key)) return memo.get(key);
  const r = walkRefs(spec, base, segments);
  memo.set(key, r);
  return r;
}

function walkRefs(spec: Spec, base: string, segments: string[]): Resolved {
  let cur = followRefs(spec, walk(spec.document, parsePointer(base)), base);
  for (const s of segments) {
    const node = cur.value;
    let next: Json | undefined;
    if (Array.isArray(node)) next = node[Number(s)];
    else if (isObject(node)) next = node[s];
    if (next === undefined) return undefined;
    cur = followRefs(spec, next, `${cur.pointer}/${escapeSegment(s)}`);
  }
  return cur.value === undefined ? undefined : { value: cur.value, pointer: cur.pointer };
}

/** Like `resolveFrom` for an object node; undefined when the node is missing or not an object. */
export function resolveObject(
  spec: Spec,
  base: string,
  segments: string[] = [],
): { value: JsonObject; pointer: string } | undefined {
  const r = resolveFrom(spec, base, segments);
  return r && isObject(r.value) ? (r as { value: JsonObject; pointer: string }) : undefined;
}
