/**
 * `string`: lengths (in Unicode code points, as JSON Schema counts them), `pattern`, `format`.
 * Header strings are printable ASCII without edge whitespace: HTTP forbids CR/LF and trims the edges.
 */
import fc from 'fast-check';
import type { JsonObject } from '../types.ts';
import { attempt, never, num, type CompileContext } from './context.ts';
import { formatArbitrary, formatWithPattern } from './format.ts';
import { patternArbitrary } from './pattern.ts';

/** Code-point length, as JSON Schema's minLength/maxLength count it. */
export const codePoints = (s: string): number => [...s].length;

/** Longest string a boundary or negative case builds on purpose (a bigger maxLength is not probed). */
export const PROBE_MAX = 100_000;

/** `seed` repeated and cut to exactly `n` code points (linear; ASCII seeds take the fast path). */
export function stringOfLength(seed: string, n: number): string {
  const unit = seed.length > 0 ? seed : 'a';
  if (/^[\x00-\x7f]*$/.test(unit)) return unit.repeat(Math.ceil(n / unit.length) + 1).slice(0, n);
  const points = [...unit];
  let out = '';
  for (let i = 0; i < n; i++) out += points[i % points.length];
  return out;
}

/** Longest string generated when the schema sets no maxLength: long enough to be interesting, cheap to send. */
const OPEN_MAX = 24;

const HEADER_UNIT = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!*+/=:@'.split(''),
);

/**
 * Any non-ASCII code point except surrogates. fast-check's own `unit: 'binary'` builds a reverse map of all
 * 1.1M code points on first use (3.6 s here), which a CLI that starts per invocation cannot afford.
 */
const NON_ASCII = fc
  .oneof(
    fc.integer({ min: 0xa0, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0xfffd }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .map((cp) => String.fromCodePoint(cp));

/**
 * Text that breaks careless servers and still is a valid JSON Schema string: NUL and other control
 * characters, accents, CJK, right-to-left and zero-width marks, emoji outside the BMP, a BOM.
 */
const HARSH_UNIT = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u0007',
      '\b',
      '\t',
      '\n',
      '\r',
      '\u001b',
      '\u007f',
      'é',
      'ñ',
      'ß',
      '中',
      '文',
      'ア',
      'ي',
      '\u200b',
      '\u202e',
      '\ufeff',
      '😀',
      '𝄞',
    ),
    weight: 2,
  },
);

/**
 * Plain strings within [min, max] code points for the charset: mostly ASCII (what real clients send), some
 * any code point, and in `any` strings (bodies, query, cookies; not headers, not path segments) some harsh text
 * with NUL and control characters too.
 */
export function plainString(ctx: CompileContext, min: number, max: number): fc.Arbitrary<string> {
  if (ctx.charset === 'header') return fc.string({ unit: HEADER_UNIT, minLength: min, maxLength: max });
  const ascii = fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max });
  const unit = fc.oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), NON_ASCII);
  const nonAscii = fc.string({ unit, minLength: min, maxLength: max });
  if (ctx.charset !== 'any') return fc.oneof({ arbitrary: ascii, weight: 4 }, { arbitrary: nonAscii, weight: 1 });
  const harsh = fc.string({ unit: HARSH_UNIT, minLength: Math.max(min, 1), maxLength: Math.max(max, 1) });
  return fc.oneof(
    { arbitrary: ascii, weight: 8 },
    { arbitrary: nonAscii, weight: 2 },
    { arbitrary: max >= 1 ? harsh : ascii, weight: 1 },
  );
}

/** True when a string can travel in that part of a request unchanged. */
export function fitsCharset(s: string, charset: CompileContext['charset']): boolean {
  if (charset === 'header') return /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(s);
  if (charset === 'path') return s !== '' && s !== '.' && s !== '..';
  return true;
}

/** Arbitrary for a schema of type `string`. */
export function stringArbitrary(schema: JsonObject, ctx: CompileContext): fc.Arbitrary<string> {
  const min = Math.max(ctx.charset === 'any' ? 0 : 1, num(schema, 'minLength') ?? 0);
  const max = num(schema, 'maxLength') ?? Math.max(min + OPEN_MAX, OPEN_MAX);
  if (min > max) return never() as fc.Arbitrary<string>;
  const base = plainString(ctx, min, max);
  let arb: fc.Arbitrary<string> = base;
  if (typeof schema.pattern === 'string')
    arb = formatWithPattern(schema.format, schema.pattern, patternArbitrary(schema.pattern, base));
  else if (typeof schema.format === 'string') arb = formatArbitrary(schema.format) ?? base;
  if (arb === base && ctx.charset !== 'path') return base;
  const fits = (s: string): boolean => {
    const n = codePoints(s);
    return n >= min && n <= max && fitsCharset(s, ctx.charset);
  };
  return attempt(arb, fits, 30);
}
