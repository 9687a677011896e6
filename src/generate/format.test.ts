/**
 * Laws of the format generators: every generated value passes the harness's validator of its format and the
 * reference gateway's own check (its Ajv with its own `uri`), and every generated URL is one WHATWG's `new URL()`
 * parses too, so a strict server of either school accepts what specgate calls valid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import { SpecSchemas } from '../reference/spec.ts';
import { createValidator } from '../validate/index.ts';
import { formatArbitrary, formatWithPattern } from './format.ts';
import { patternArbitrary } from './pattern.ts';

/** The formats both ajv-formats (the reference's checker) and the harness check; the others are ignored by both. */
const CHECKED = ['date-time', 'date', 'time', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uri-reference'];
const MORE = ['uri-template', 'url', 'uuid', 'json-pointer', 'relative-json-pointer', 'regex', 'byte'];
const WEBHOOK = { type: 'string', format: 'uri', pattern: '^https?://[^/?#\\s]+' };
const schemas = Object.fromEntries([...CHECKED, ...MORE].map((f) => [f, { type: 'string', format: f }]));
const doc = {
  openapi: '3.1.0',
  info: { title: 'formats', version: '1' },
  paths: {},
  components: { schemas: { ...schemas, webhook: WEBHOOK } },
};
const harness = createValidator(specFromText(JSON.stringify(doc), 'formats.json'));
const reference = new SpecSchemas(doc);
const ok = (name: string, value: string) => ({
  harness: harness.validate(`/components/schemas/${name}`, value, 'request').length === 0,
  reference: reference.validator(`/components/schemas/${name}`)(value) as boolean,
});
const parsesAsUrl = (value: string): boolean => URL.canParse(value);

describe.each([...CHECKED, ...MORE])('generated format %s', (format) => {
  it('law: every value passes the harness validator and the reference gateway’s check', () => {
    fc.assert(
      fc.property(formatArbitrary(format)!, (value) => {
        expect(ok(format, value)).toEqual({ harness: true, reference: true });
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(['uri', 'url', 'iri'])('generated %s', (format) => {
  it('law: WHATWG new URL() parses every value as well', () => {
    fc.assert(fc.property(formatArbitrary(format)!, parsesAsUrl), { numRuns: 500 });
  });
});

describe('a string with both pattern and format (webhook_url)', () => {
  const arb = formatWithPattern('uri', WEBHOOK.pattern, patternArbitrary(WEBHOOK.pattern, fc.string()));

  it('law: every value matches the pattern, the RFC and WHATWG, and the reference gateway accepts it', () => {
    fc.assert(
      fc.property(arb, (value) => {
        expect(ok('webhook', value)).toEqual({ harness: true, reference: true });
        expect(parsesAsUrl(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the pattern when the format never matches it', () => {
    const ftp = formatWithPattern('uri', '^ftp://x$', patternArbitrary('^ftp://x$', fc.string()));
    fc.assert(fc.property(ftp, (value) => value === 'ftp://x'));
  });
});
