/**
 * JSON text that carries every number exactly as generated. `JSON.stringify(2 ** 63)` writes
 * `9223372036854776000`, which a server parsing int64 reads as another number than the double meant, and
 * `JSON.stringify(-0)` writes `0`; here big integers are written with all their digits (`9223372036854775808`)
 * and negative zero as `-0`, so the edges the generator picks are the edges the server sees.
 */

/** Beyond this, integers are written as JavaScript writes them (1.7976931348623157e+308 stays short). */
const EXACT_LIMIT = 2 ** 70;

/** The exact text of a number when JavaScript's own would change it; undefined when `String(x)` is exact. */
export function exactNumber(x: number): string | undefined {
  if (Object.is(x, -0)) return '-0';
  if (Number.isInteger(x) && Math.abs(x) > Number.MAX_SAFE_INTEGER && Math.abs(x) < EXACT_LIMIT)
    return BigInt(x).toString();
  return undefined;
}

/** A number's text: exact where `String(x)` is not. */
export const numberText = (x: number): string => exactNumber(x) ?? String(x);

/** A marker no generated string holds (U+2063 INVISIBLE SEPARATOR is not escaped by JSON.stringify). */
const MARK = '\u2063specgate-number-';
const MARKED = new RegExp(`"${MARK}(\\d+)"`, 'g');

function hasInexact(value: unknown): boolean {
  if (typeof value === 'number') return exactNumber(value) !== undefined;
  if (Array.isArray(value)) return value.some(hasInexact);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasInexact);
  return false;
}

/** `JSON.stringify(value)`, with numbers written exactly (see above). */
export function jsonText(value: unknown): string | undefined {
  if (!hasInexact(value)) return JSON.stringify(value);
  const texts: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    const exact = typeof v === 'number' ? exactNumber(v) : undefined;
    return exact === undefined ? v : `${MARK}${texts.push(exact) - 1}`;
  });
  return text?.replace(MARKED, (_m, i: string) => texts[Number(i)]!);
}
