/** Laws of the one JSON Pointer module and the one object test. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isObject } from './is-object.ts';
import {
  escapeSegment,
  fragmentToPointer,
  joinPointer,
  parsePointer,
  refTarget,
  splitFragment,
  unescapeSegment,
} from './pointer.ts';

describe('JSON Pointer', () => {
  it('joining then parsing gives the segments back, whatever they contain', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('~', '/', '~1', '~01', '#'))), (segments) => {
        expect(parsePointer(joinPointer('', ...segments))).toEqual(segments);
        expect(parsePointer(`#${joinPointer('', ...segments)}`)).toEqual(segments);
        for (const s of segments) expect(unescapeSegment(escapeSegment(s))).toBe(s);
      }),
    );
  });

  it('follows RFC 6901: `~01` is `~1`, not `/`; the root is the empty pointer or `#`', () => {
    expect(parsePointer('/a~01b/c~1d/~0')).toEqual(['a~1b', 'c/d', '~']);
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('#')).toEqual([]);
    expect(joinPointer('/paths', '/pets/{id}', 'get', 0)).toBe('/paths/~1pets~1{id}/get/0');
  });

  it('reads `$ref` fragments: percent-decoded, internal only', () => {
    expect(refTarget('#/components/schemas/Caf%C3%A9')).toBe('/components/schemas/Café');
    expect(refTarget('other.yaml#/a')).toBeUndefined();
    expect(fragmentToPointer('/bad%')).toBe('/bad%');
    expect(splitFragment('#/a/b%20c/~1d')).toEqual(['a', 'b c', '/d']);
  });
});

describe('isObject', () => {
  it('is true exactly for non-null, non-array objects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(isObject(value)).toBe(value !== null && typeof value === 'object' && !Array.isArray(value));
      }),
    );
    expect([isObject({}), isObject([]), isObject(null), isObject('x'), isObject(undefined)]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
