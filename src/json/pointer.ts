/** JSON Pointer (RFC 6901) helpers: the one module every stage uses to name a place in a document. */

/** Unescapes one reference token (`~1` → `/`, then `~0` → `~`, in that order so `~01` stays `~1`). */
export function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** The value at `pointer` inside `root` (arrays by index), or undefined where the path does not exist. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const s of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

/** Splits a pointer (`/paths/~1pets/get`, or `#/...`) into unescaped segments (`['paths', '/pets', 'get']`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  const segments = body.split('/').slice(1);
  // A hot path of the checks: most pointers have nothing to unescape.
  return body.includes('~') ? segments.map(unescapeSegment) : segments;
}

/** Escapes one segment for use in a pointer. */
export function escapeSegment(segment: string | number): string {
  const text = String(segment);
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/** Joins a base pointer and more segments. */
export function joinPointer(base: string, ...segments: Array<string | number>): string {
  let out = base;
  // A hot path of every schema walk: plain segments (no '~' or '/') need no escaping.
  for (const s of segments) out += typeof s === 'number' || !/[~/]/.test(s) ? `/${s}` : `/${escapeSegment(s)}`;
  return out;
}

/** Decodes the fragment of a `$ref` URI (percent-encoding allowed there) into a pointer. */
export function fragmentToPointer(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The document pointer a `$ref` names when it is internal (`#/...`), else undefined. */
export function refTarget(ref: string): string | undefined {
  return ref.startsWith('#') ? fragmentToPointer(ref.slice(1)) : undefined;
}

/** Splits a URI fragment pointer (`#/a/b%20c`, as ajv prints `schemaPath`) into unescaped segments. */
export function splitFragment(fragment: string): string[] {
  const hash = fragment.lastIndexOf('#');
  return parsePointer(fragmentToPointer(hash >= 0 ? fragment.slice(hash + 1) : fragment));
}
