/**
 * `format`: generators for the formats OpenAPI and JSON Schema name. Unknown formats are ignored (the
 * string is generated from its other keywords), as JSON Schema says formats are annotations unless asserted.
 * Numeric formats (int32, int64, float, double) are ranges, handled in number.ts.
 */
import fc from 'fast-check';
import { patternRegExp } from './pattern.ts';

const two = (n: number): string => String(n).padStart(2, '0');
const date = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
/**
 * http(s) URLs that RFC 3986 (the `uri` format) and WHATWG's `new URL()` (what servers and HTTP clients parse)
 * both accept: a DNS name (no "--" in a label, which IDNA2008 refuses in 3rd-4th place and WHATWG decodes as
 * Punycode after `xn`), an IPv4 or bracketed IPv6 address; a port within 1-65535 (RFC 3986 allows more digits,
 * WHATWG refuses them); path, query and fragment of RFC characters (WHATWG keeps them), never `.` or `..` segments.
 * Built here rather than with fc.webUrl(), whose construction costs over a second of CPU per process.
 */
function webUrlParts() {
  const label = fc.stringMatching(/^[a-z][a-z0-9]{0,7}(?:-[a-z0-9]{1,4})?$/);
  const dns = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'org', 'example', 'io'))
    .map(([l, tld]) => [...l, tld].join('.'));
  const ipv6 = fc.ipV6().map((a) => `[${a}]`);
  const part = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-F]{2})";
  const tail = fc.stringMatching(new RegExp(`^(?:${part}|[/?]){0,12}$`));
  return fc.record({
    scheme: fc.constantFrom('https', 'http'),
    host: fc.oneof({ arbitrary: dns, weight: 6 }, { arbitrary: fc.ipV4(), weight: 1 }, { arbitrary: ipv6, weight: 1 }),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { freq: 4 }),
    path: fc.array(
      fc.stringMatching(new RegExp(`^${part}{1,8}$`)).filter((s) => s !== '.' && s !== '..'),
      { maxLength: 3 },
    ),
    query: fc.option(tail, { freq: 2 }),
    fragment: fc.option(tail, { freq: 4 }),
  });
}
let parts: ReturnType<typeof webUrlParts> | undefined;
/** `url` is no RFC format: ajv-formats checks it with a public-web-URL regex (a DNS name, a `/` before the rest). */
const publicUrl = (): fc.Arbitrary<string> =>
  (parts ??= webUrlParts())
    .filter((u) => /^[a-z]/.test(u.host))
    .map((u) => `${u.scheme}://${u.host}/${u.path.join('/')}${u.query === null ? '' : `?${u.query}`}`);
const webUrl = (withQuery = false): fc.Arbitrary<string> =>
  (parts ??= webUrlParts()).map((u) => {
    const port = u.port === null ? '' : `:${u.port}`;
    const query = withQuery && u.query !== null ? `?${u.query}` : '';
    return `${u.scheme}://${u.host}${port}${u.path.map((p) => `/${p}`).join('')}${query}${u.fragment === null ? '' : `#${u.fragment}`}`;
  });

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
  uri: () => webUrl(true),
  iri: () => webUrl(),
  'uri-reference': () =>
    fc.oneof(
      webUrl(),
      fc.webPath().filter((p) => p.length > 0),
    ),
  'iri-reference': () => webUrl(),
  'uri-template': () => word.map((w) => `https://example.com/${w}/{id}`),
  url: publicUrl,
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

/**
 * A string with both `pattern` and `format`: the format's values where they match the pattern, else the pattern's.
 * The format's generator knows the RFC; a pattern such as `^https?://[^/?#\s]+` alone yields `http://&:p`,
 * which matches the pattern and breaks the format, so a positive case would be redrawn, or never carry the field.
 */
export function formatWithPattern(format: unknown, pattern: string, byPattern: fc.Arbitrary<string>) {
  const byFormat = typeof format === 'string' ? formatArbitrary(format) : undefined;
  const re = patternRegExp(pattern);
  if (!byFormat || !re) return byPattern;
  return byFormat.chain((value) => (re.test(value) ? fc.constant(value) : byPattern));
}
