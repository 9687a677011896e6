/**
 * The converted copy of the bundled document that one direction validates against (see convert.ts), and the
 * maps from the copy back to the original: ajv reports places in the copy, findings name places in the original.
 */
import { isObject } from '../json/is-object.ts';
import { joinPointer, parsePointer } from '../json/pointer.ts';
import type { Json, JsonObject, Spec } from '../types.ts';
import { convertNode, type Direction } from './convert.ts';

export interface ConvertedCopy {
  copy: JsonObject;
  /** Schemas whose keywords moved to `anyOf/1` during conversion: pointer in the copy → new pointer. */
  moved: Map<string, string>;
  /** Schema objects of the copy → their pointer in the original, to give errors absolute schema paths. */
  pointerOfCopy: Map<object, string>;
}

/** Converts a copy of `spec.document` for `direction`, schema by schema (`schemas`: each with its pointer). */
export function convertedCopy(spec: Spec, schemas: Array<[JsonObject, string]>, direction: Direction): ConvertedCopy {
  const { copy, copyOf } = cloneWithMap(spec.document);
  const out: ConvertedCopy = { copy, moved: new Map(), pointerOfCopy: new Map() };
  const resolve = (node: Json) => resolveRefs(copy, node);
  for (const [original, pointer] of schemas) {
    const node = copyOf.get(original);
    if (node && !out.pointerOfCopy.has(node)) out.pointerOfCopy.set(node, pointer);
    if (node && convertNode(node, spec.line, direction, resolve)) {
      // Translated with the moves so far: an ancestor converted earlier already sits under its `anyOf/1`.
      const moved = translate(out.moved, pointer);
      out.moved.set(moved, `${moved}/anyOf/1`);
    }
  }
  return out;
}

/** Maps a pointer of the original document to the same schema in the converted copy. */
export function translate(moved: ReadonlyMap<string, string>, pointer: string): string {
  if (moved.size === 0) return pointer;
  const segments = parsePointer(pointer);
  let out = '';
  segments.forEach((seg, i) => {
    out = joinPointer(out, seg);
    // Only ancestors moved into their wrapper; the pointer itself still names the (nullable) wrapper.
    if (i < segments.length - 1) out = moved.get(out) ?? out;
  });
  return out;
}

/** The first node on the `$ref` chain from `pointer` that is not a bare `{$ref}` (ajv cannot address those). */
export function refTarget(copy: JsonObject, pointer: string): string {
  let at = pointer;
  for (let hops = 0; hops < 32; hops++) {
    const node = nodeAt(copy, at);
    if (!isObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#')) break;
    if (Object.keys(node).length > 1) break; // siblings (3.1) are constraints of their own: keep the node
    at = node.$ref.slice(1);
  }
  return at;
}

function nodeAt(copy: JsonObject, pointer: string): Json | undefined {
  let node: Json | undefined = copy;
  for (const seg of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(seg)] : node[seg];
  }
  return node;
}

/** Follows internal `$ref`s from `node` until a node that is not one (or a cycle). */
function resolveRefs(copy: JsonObject, node: Json): Json | undefined {
  const seen = new Set<string>();
  let n: Json | undefined = node;
  while (isObject(n) && typeof n.$ref === 'string' && n.$ref.startsWith('#') && !seen.has(n.$ref)) {
    seen.add(n.$ref);
    n = nodeAt(copy, n.$ref.slice(1)) as Json;
  }
  return n;
}

const IDENTIFIERS = new Set(['$id', '$anchor', '$dynamicAnchor', '$recursiveAnchor']);

/** Deep copy of a JSON tree (without identifier keywords) plus the original → copy map of its objects (shared nodes stay shared). */
function cloneWithMap(root: JsonObject): { copy: JsonObject; copyOf: Map<object, JsonObject> } {
  const copyOf = new Map<object, JsonObject>();
  const clone = (node: Json): Json => {
    if (node === null || typeof node !== 'object') return node;
    const known = copyOf.get(node);
    if (known) return known;
    if (Array.isArray(node)) return node.map(clone);
    const out: JsonObject = {};
    copyOf.set(node, out);
    for (const key in node) {
      const value = node[key]!;
      // `$id`/anchors would re-base or clash inside the one bundled resource; every `$ref` is already absolute.
      if (IDENTIFIERS.has(key) && (typeof value === 'string' || typeof value === 'boolean')) continue;
      out[key] = clone(value);
    }
    return out;
  };
  return { copy: clone(root) as JsonObject, copyOf };
}

/** A JSON pointer as a URI fragment (ajv resolves `#...` refs as URIs). */
export function encodePointer(pointer: string): string {
  return pointer
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/%7E/gi, '~'))
    .join('/');
}
