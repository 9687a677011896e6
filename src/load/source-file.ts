/**
 * One parsed file of a description (the root or a file reached through `$ref`): its text, value and a
 * way to turn a JSON pointer inside it into line and column. JSON positions are computed lazily (most runs
 * never need them); YAML positions come from the parse itself.
 */
import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import { HarnessError } from '../errors.ts';
import type { Json } from '../types.ts';
import { parseYaml, type NodeOffsets } from './parse-yaml.ts';

export interface SourceFile {
  uri: string;
  text: string;
  value: Json;
  /** 1-based line/column of the deepest node of `segments` that can be found. */
  locate(segments: string[]): { line: number; column: number };
}

/** Parses `text` as JSON when it looks like JSON, else as YAML (a superset), keeping positions. */
export function parseSourceFile(uri: string, text: string): SourceFile {
  if (text.trim() === '') throw new HarnessError('SPEC_PARSE', 'the document is empty', uri);
  const trimmed = text.trimStart();
  const lines = lineIndex(text);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: Json | undefined;
    try {
      value = JSON.parse(text) as Json;
    } catch {
      // Not strict JSON (comments, trailing commas, or YAML flow style): YAML will say where it breaks.
    }
    if (value !== undefined) return jsonFile(uri, text, value, lines);
  }
  const { value, offsets } = parseYaml(text, uri);
  return { uri, text, value, locate: (segments) => lines(yamlOffset(value, offsets, segments)) };
}

function jsonFile(uri: string, text: string, value: Json, lines: (offset: number) => Pos): SourceFile {
  let tree: Node | undefined;
  const locate = (segments: string[]): Pos => {
    try {
      tree ??= parseTree(text);
    } catch {
      return { line: 1, column: 1 }; // nested past the stack: positions are a nicety, never a crash
    }
    if (!tree) return { line: 1, column: 1 };
    for (let n = segments.length; n >= 0; n--) {
      const path = segments.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const node = findNodeAtLocation(tree, path) ?? (n > 0 ? findObjectKey(tree, path) : undefined);
      if (node) return lines(node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return { line: 1, column: 1 };
  };
  return { uri, text, value, locate };
}

/** `findNodeAtLocation` treats numeric segments as array indexes; an object key like "200" needs a second try. */
function findObjectKey(tree: Node, path: Array<string | number>): Node | undefined {
  let node: Node | undefined = tree;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'object') {
      const prop: Node | undefined = node.children?.find((p) => p.children?.[0]?.value === String(seg));
      node = prop?.children?.[1];
    } else if (node.type === 'array' && typeof seg === 'number') node = node.children?.[seg];
    else return undefined;
  }
  return node;
}

function yamlOffset(root: Json, offsets: WeakMap<object, NodeOffsets>, segments: string[]): number {
  let node: unknown = root;
  let best = 0;
  for (const seg of segments) {
    if (node === null || typeof node !== 'object') break;
    const info = offsets.get(node);
    if (!info) break;
    best = info.start;
    if (Array.isArray(node)) {
      const at = info.items?.[Number(seg)];
      if (at === undefined) break;
      best = at;
      node = node[Number(seg)];
    } else {
      const at = info.keys?.get(seg);
      if (at === undefined) break;
      best = at.key;
      node = (node as Record<string, unknown>)[seg];
    }
  }
  return best;
}

interface Pos {
  line: number;
  column: number;
}

/** Offset → 1-based line/column, by binary search over line starts computed once. */
function lineIndex(text: string): (offset: number) => Pos {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
