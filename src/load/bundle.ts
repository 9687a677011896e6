/**
 * Bundles a multi-file description into one tree: each external file is mounted under
 * `/x-specgate-files/<n>` and every `$ref` is rewritten to an internal `#/...` reference. Internal refs are
 * kept (never inlined), so circular schemas stay finite and ajv can compile straight from the bundle.
 * @see https://spec.openapis.org/oas/v3.1.0#reference-object
 */
import { HarnessError } from '../errors.ts';
import type { Json, JsonObject } from '../types.ts';
import { escapeSegment, fragmentToPointer } from '../json/pointer.ts';
import type { SourceFile } from './source-file.ts';

export const FILES_KEY = 'x-specgate-files';
/** Deeper than any real description; past it, recursive walkers elsewhere would overflow the stack. */
export const MAX_DEPTH = 1000;
/** Cap on nodes after YAML alias expansion (the "billion laughs" guard). */
export const MAX_EXPANDED_NODES = 20_000_000;

/** Pointer prefix under which file `index` is mounted in the bundle ('' for the root). */
export function mountPrefix(index: number): string {
  return index === 0 ? '' : `/${FILES_KEY}/${index}`;
}

export interface Bundle {
  document: JsonObject;
  files: SourceFile[];
}

/** Loads every file reachable through `$ref` from `root` (breadth-first, in parallel per level) and bundles them. */
export async function bundle(
  root: SourceFile,
  load: (uri: string, from: string) => Promise<SourceFile>,
): Promise<Bundle> {
  const files: SourceFile[] = [root];
  const indexOf = new Map<string, number>([[stripFragment(root.uri), 0]]);
  let level = [0];
  while (level.length > 0) {
    const wanted = new Map<string, string>(); // uri → location of the first $ref naming it
    for (const i of level) rewriteRefs(files[i]!, i, indexOf, wanted);
    const uris = [...wanted.keys()];
    const loaded = await Promise.all(uris.map((uri) => load(uri, wanted.get(uri)!)));
    level = uris.map((uri, k) => {
      const j = indexOf.get(uri)!; // numbered when first seen, so rewritten refs already point at it
      files[j] = loaded[k]!;
      return j;
    });
  }
  const document = root.value as JsonObject;
  if (files.length > 1) {
    const mounted: JsonObject = {};
    for (let i = 1; i < files.length; i++) mounted[String(i)] = files[i]!.value;
    document[FILES_KEY] = mounted;
  }
  return { document, files };
}

function stripFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? uri : uri.slice(0, hash);
}

/**
 * Rewrites every `$ref` of one file in place. External targets not yet known are registered in `wanted`
 * and given their future index, so the rewrite is final in one pass.
 */
function rewriteRefs(file: SourceFile, index: number, indexOf: Map<string, number>, wanted: Map<string, string>): void {
  const seen = new WeakSet<object>();
  const stack: Array<{ node: Json; path: string[] }> = [{ node: file.value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (path.length > MAX_DEPTH) {
      throw new HarnessError(
        'SPEC_INVALID',
        `the document is nested more than ${MAX_DEPTH} levels deep`,
        where(file, path),
      );
    }
    if (!Array.isArray(node) && typeof node.$ref === 'string') {
      const target = resolveRef(node.$ref, file.uri, path, file);
      if (target.uri === null) node.$ref = '#' + mountPrefix(index) + target.pointer;
      else {
        let j = indexOf.get(target.uri);
        if (j === undefined) {
          j = indexOf.size;
          indexOf.set(target.uri, j);
          wanted.set(target.uri, where(file, [...path, '$ref']));
        }
        node.$ref = '#' + mountPrefix(j) + target.pointer;
      }
    }
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [key, child] of entries) {
      if (child !== null && typeof child === 'object') stack.push({ node: child, path: [...path, key] });
    }
  }
}

function resolveRef(
  ref: string,
  base: string,
  path: string[],
  file: SourceFile,
): { uri: string | null; pointer: string } {
  const hash = ref.indexOf('#');
  const uriPart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : fragmentToPointer(ref.slice(hash + 1));
  if (pointer !== '' && !pointer.startsWith('/')) {
    // Plain-name fragments ($anchor) are not followed; keep them visible rather than guessing.
    return { uri: null, pointer: '/' + escapeSegment(`unsupported-anchor:${pointer}`) };
  }
  if (uriPart === '') return { uri: null, pointer };
  try {
    return { uri: stripFragment(new URL(uriPart, base).href), pointer };
  } catch {
    throw new HarnessError(
      'REF_UNRESOLVED',
      `$ref "${ref}" is not a valid URI reference`,
      where(file, [...path, '$ref']),
    );
  }
}

/** `file:line:col` of a path inside a file, for error messages. */
export function where(file: SourceFile, path: string[]): string {
  const pos = file.locate(path);
  return `${file.uri}:${pos.line}:${pos.column}`;
}

/** Throws when YAML aliases expand the document past the node cap (shared nodes are counted once per use). */
export function checkExpansion(file: SourceFile): void {
  const memo = new WeakMap<object, number>();
  const count = (node: Json): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    memo.set(node, 1); // cycle guard: a node under construction counts once
    let total = 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      total += count(child);
      if (total > MAX_EXPANDED_NODES) break;
    }
    memo.set(node, total);
    return total;
  };
  const total = count(file.value);
  if (total > MAX_EXPANDED_NODES) {
    throw new HarnessError(
      'SPEC_TOO_LARGE',
      `YAML aliases expand the document past ${MAX_EXPANDED_NODES} nodes (an alias bomb?)`,
      file.uri,
    );
  }
}
