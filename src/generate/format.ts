/**
 * `format`: generators for the formats OpenAPI and JSON Schema name. Unknown formats are ignored (the
 * string is generated from its other keywords), as JSON Schema says formats are annotations unless asserted.
 * Numeric formats (int32, int64, float, double) are ranges, handled in number.ts.
 */
import fc from 'fast-check';

const two = (n: number): string => String(n).padStart(2, '0');
const date = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  'date-time': () => date.map((d) => d.toISOString().replace('.000Z', 'Z')),
  date: () => date.map((d) => d.toISOString().slice(0, 10)),
  time: () =>
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m, s]) => `${two(h)}:${two(m)}:${two(s)}Z`),
  duration: () => fc.tuple(fc.nat(30), fc.nat(23), fc.nat(59)).map(([d, h, m]) => `P${d}DT${h}H${m}M`),
  email: () => fc.tuple(word, word).map(([local, domain]) => `${local}@${domain}.example.com`),
  'idn-email': () => fc.tuple(word, word).map(([local, domain]) => `${local}@${domain}.example.com`),
  hostname: () => fc.array(word, { minLength: 1, maxLength: 3 }).map((labels) => [...labels, 'example'].join('.')),
  'idn-hostname': () => word.map((w) => `${w}.example`),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  uri: () => fc.webUrl({ withQueryParameters: true }),
  iri: () => fc.webUrl(),
  'uri-reference': () =>
    fc.oneof(
      fc.webUrl(),
      fc.webPath().filter((p) => p.length > 0),
    ),
  'iri-reference': () => fc.webUrl(),
  'uri-template': () => word.map((w) => `https://example.com/${w}/{id}`),
  url: () => fc.webUrl(),
  uuid: () => fc.uuid(),
  byte: () => fc.base64String({ maxLength: 40 }),
  binary: () => fc.string({ unit: 'grapheme-ascii', maxLength: 32 }),
  'json-pointer': () => fc.array(word, { maxLength: 3 }).map((parts) => parts.map((p) => `/${p}`).join('')),
  'relative-json-pointer': () => fc.nat(3).map((n) => `${n}/a`),
  regex: () => word.map((w) => `^${w}$`),
};

/** Arbitrary for a known string format, or undefined when the format is unknown (then it is ignored). */
export function formatArbitrary(format: string): fc.Arbitrary<string> | undefined {
  return FORMATS[format]?.();
}
