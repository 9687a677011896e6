/**
 * Pairs the parts of two documents: operations by method and path template (parameter names ignored, so
 * `/a/{id}` and `/a/{petId}` are one path), anything keyed (statuses, media types, headers) by its key,
 * and `oneOf`/`anyOf` branches by name, tag value or shape.
 */
import type { Operation } from '../types.ts';
import { stableJson } from './schema-view.ts';
import type { OperationPair, Paired, SchemaRef, SchemaView } from './types.ts';

/** `/pets/{petId}/` → `/pets/{}`: the shape of a path template, independent of parameter names. */
export function normalizePath(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed.replace(/\{[^}]*\}/g, '{}');
}

/** Stable key of an operation across versions. Webhooks are keyed by name, apart from paths. */
export function operationMatchKey(op: Operation): string {
  return `${op.webhook ? 'webhook ' : ''}${op.method} ${op.webhook ? op.path : normalizePath(op.path)}`;
}

/** Splits two operation lists into removed, added and matched pairs (keyed by the head's spelling). */
export function matchOperations(
  base: Operation[],
  head: Operation[],
): { removed: Operation[]; added: Operation[]; matched: OperationPair[] } {
  const headByKey = new Map(head.map((op) => [operationMatchKey(op), op]));
  const baseKeys = new Set(base.map(operationMatchKey));
  const matched: OperationPair[] = [];
  const removed: Operation[] = [];
  for (const op of base) {
    const other = headByKey.get(operationMatchKey(op));
    if (other) matched.push({ key: other.key, base: op, head: other });
    else removed.push(op);
  }
  const added = head.filter((op) => !baseKeys.has(operationMatchKey(op)));
  return { removed, added, matched };
}

/** Pairs two keyed collections; keys are compared after `normalize`. */
export function pairBy<T>(
  base: Array<[string, T]>,
  head: Array<[string, T]>,
  parents: { base: string; head: string },
  normalize: (key: string) => string = (k) => k,
): Paired<T, string> {
  const headMap = new Map(head.map(([k, v]) => [normalize(k), { key: k, item: v }]));
  const baseKeys = new Set(base.map(([k]) => normalize(k)));
  const out: Paired<T, string> = {
    removed: [],
    added: [],
    matched: [],
    baseParent: parents.base,
    headParent: parents.head,
  };
  for (const [key, item] of base) {
    const other = headMap.get(normalize(key));
    if (other) out.matched.push({ key: other.key, base: item, head: other.item });
    else out.removed.push({ key, item });
  }
  for (const [key, item] of head) if (!baseKeys.has(normalize(key))) out.added.push({ key, item });
  return out;
}

/** A branch with its view, for matching. */
export interface Branch {
  ref: SchemaRef;
  view: SchemaView;
}

/**
 * Pairs `oneOf`/`anyOf` branches: same text, same component name or title, same tag (a property fixed to one
 * value, as discriminated unions have), same type and property names, then by position among the rest.
 */
export function matchBranches(base: Branch[], head: Branch[]): Paired<Branch, string> {
  const out: Paired<Branch, string> = { removed: [], added: [], matched: [], baseParent: '', headParent: '' };
  const left = [...base];
  const right = [...head];
  for (const signature of [textOf, nameOf, tagOf, shapeOf]) {
    for (const b of [...left]) {
      const sig = signature(b.view);
      if (sig === undefined) continue;
      const candidates = right.filter((h) => signature(h.view) === sig);
      const sameSide = left.filter((x) => signature(x.view) === sig);
      if (candidates.length !== 1 || sameSide.length !== 1) continue;
      out.matched.push({ key: label(b.view, base.indexOf(b)), base: b, head: candidates[0]! });
      left.splice(left.indexOf(b), 1);
      right.splice(right.indexOf(candidates[0]!), 1);
    }
  }
  // What is left pairs by position when both sides kept the same number of branches that fit each other.
  if (left.length === right.length && left.every((b, i) => compatibleTypes(b.view, right[i]!.view))) {
    left.forEach((b, i) => out.matched.push({ key: label(b.view, base.indexOf(b)), base: b, head: right[i]! }));
    return out;
  }
  out.removed = left.map((b) => ({ key: label(b.view, base.indexOf(b)), item: b }));
  out.added = right.map((h) => ({ key: label(h.view, head.indexOf(h)), item: h }));
  return out;
}

/** How a branch is named in messages: its component name or title, else its position. */
export function label(view: SchemaView, index: number): string {
  return view.name ?? tagOf(view) ?? `#${index + 1}`;
}

/** The branch as written (key order ignored): identical text is the surest match. */
function textOf(view: SchemaView): string {
  let text = texts.get(view);
  if (text === undefined) texts.set(view, (text = stableJson(view.source.node)));
  return text;
}

const texts = new WeakMap<SchemaView, string>();

function nameOf(view: SchemaView): string | undefined {
  return view.name;
}

function tagOf(view: SchemaView): string | undefined {
  for (const [name, ref] of view.properties) {
    const node = ref.node as { enum?: unknown; const?: unknown } | null;
    if (typeof node !== 'object' || node === null) continue;
    const value =
      'const' in node ? node.const : Array.isArray(node.enum) && node.enum.length === 1 ? node.enum[0] : undefined;
    if (value !== undefined && view.required.has(name)) return `${name}=${JSON.stringify(value)}`;
  }
  return undefined;
}

function shapeOf(view: SchemaView): string {
  const names = (xs: Iterable<string>) => [...xs].sort().join(',');
  return `${names(view.types ?? ['any'])}:${names(view.properties.keys())}:${names(view.required)}`;
}

function compatibleTypes(a: SchemaView, b: SchemaView): boolean {
  if (!a.types || !b.types) return true;
  return [...a.types].some(
    (t) =>
      b.types!.has(t) || (t === 'integer' && b.types!.has('number')) || (t === 'number' && b.types!.has('integer')),
  );
}
