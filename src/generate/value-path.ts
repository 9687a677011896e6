/** Reading and replacing the value at a path inside a JSON value (object keys and array indexes). */
import type { Json, JsonObject } from '../types.ts';
import { isObject } from './context.ts';

/** Reads the value at a path of a JSON value. */
export function at(value: unknown, path: Array<string | number>): unknown {
  let node = value;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** A copy of `value` with the node at `path` replaced (or removed when `next` is the REMOVE marker). */
export function replaceAt(value: unknown, path: Array<string | number>, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && remove) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(copy[head as number], rest, next, remove);
    return copy;
  }
  const copy: JsonObject = { ...(isObject(value) ? value : {}) };
  if (rest.length === 0 && remove) delete copy[head as string];
  else copy[head as string] = replaceAt(copy[head as string], rest, next, remove) as Json;
  return copy;
}
