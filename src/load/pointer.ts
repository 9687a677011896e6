/** JSON Pointer (RFC 6901) helpers, shared by every stage that names a place in a document. */

/** Splits a pointer (`/paths/~1pets/get`) into unescaped segments (`['paths', '/pets', 'get']`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Escapes one segment for use in a pointer. */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
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
