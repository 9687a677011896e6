/**
 * Laws of the string formats: each follows the RFC that defines it (RFC 3986, 5321, 3339, 9562), with the host
 * rule of http(s) URIs, and the harness's `uri` agrees with the reference gateway's own, independent check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import { isAbsoluteUri } from '../reference/uri.ts';
import { createValidator } from './index.ts';
import { isUri, isUriReference } from './uri.ts';

const FORMATS = ['uri', 'uri-reference', 'email', 'uuid', 'date-time'];
const spec = specFromText(
  JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'formats', version: '1' },
    paths: {},
    components: { schemas: Object.fromEntries(FORMATS.map((f) => [f, { type: 'string', format: f }])) },
  }),
  'formats.json',
);
const validator = createValidator(spec);
const valid = (format: string, value: string) =>
  validator.validate(`/components/schemas/${format}`, value, 'response').length === 0;

const CASES: Record<string, { valid: string[]; invalid: string[] }> = {
  uri: {
    valid: [
      'https://u:p@h.example:8080/p?q=1#f',
      'http://[::1]:8080/x',
      'http://a:99999/',
      'http://[v1.x]/',
      'file:///etc/hosts',
      'urn:isbn:0451450523',
      'mailto:a@b',
      'a:',
      'http://a/%41',
      'ws://a',
    ],
    invalid: [
      'http://:&',
      'http://&:p',
      'http://',
      'http:///x',
      'http:a',
      'http://u@:80',
      'http://a b/',
      'http://a/é',
      'http://a/%zz',
      'http://[::1/',
      'http://[fe80::1%25eth0]/',
      'http://a#x#y',
      '//a',
      'a b:c',
      '',
    ],
  },
  'uri-reference': {
    valid: ['//a', '', '#f', '?q', '/a/b', 'a/b:c', 'http://a', '../x'],
    invalid: ['//:&', 'http://:&', '//a:p', '1a:b', 'a b', '%zz', 'http:/x?%'],
  },
  email: {
    valid: [
      'joe.bloggs@example.com',
      'te~st@example.com',
      '"joe bloggs"@example.com',
      '"a\\"b"@x.com',
      'joe@[127.0.0.1]',
      'joe@[IPv6:::1]',
      'root@localhost',
      `${'x'.repeat(64)}@x.com`,
    ],
    invalid: [
      '2962',
      '.a@x.com',
      'a.@x.com',
      'a..b@x.com',
      'a@-x.com',
      'a@x_y.com',
      'a@invalid=domain.com',
      'joe@[127.0.0.300]',
      `${'x'.repeat(65)}@x.com`,
      `a@${'x'.repeat(64)}.com`,
      'é@x.com',
    ],
  },
  uuid: {
    valid: ['550e8400-e29b-41d4-a716-446655440000', '550E8400-E29B-41D4-A716-446655440000'],
    invalid: [
      'urn:uuid:550e8400-e29b-41d4-a716-446655440000',
      '{550e8400-e29b-41d4-a716-446655440000}',
      '550e8400e29b41d4a716446655440000',
    ],
  },
  'date-time': {
    valid: [
      '1990-12-31T23:59:60Z',
      '1990-12-31T15:59:60-08:00',
      '2024-01-01t00:00:00z',
      '2024-01-01T00:00:00.123+23:59',
    ],
    invalid: [
      '1990-12-31T23:59:60+01:00',
      '2024-01-01 00:00:00Z',
      '2024-01-01\t00:00:00Z',
      '2024-01-01T00:00:00',
      '2024-02-30T00:00:00Z',
      '2024-01-01T00:00:00+24:00',
    ],
  },
};

describe.each(Object.entries(CASES))('format %s follows its RFC', (format, { valid: good, invalid: bad }) => {
  it.each(good)('accepts %j', (value) => expect(valid(format, value)).toBe(true));
  it.each(bad)('refuses %j', (value) => expect(valid(format, value)).toBe(false));
});

describe('uri: the harness and the reference gateway agree', () => {
  const unit = fc.constantFrom(
    ..."ahH09:/?#[]@!$&'()*+,;=-._~% vé".split(''),
    'http://',
    '%2F',
    '%zz',
    '[::1]',
    '[v1.x]',
    '1.2.3.4',
    '::',
    ':80',
  );
  const prefix = fc.constantFrom('', 'http:', 'http://', 'https://a', 'file://', 'a:');
  const candidate = fc.tuple(prefix, fc.string({ unit, maxLength: 12 })).map(([p, s]) => p + s);

  it('law: on any string, isUri (RFC grammar) and the reference’s component check give the same verdict', () => {
    fc.assert(
      fc.property(candidate, (s) => isUri(s) === isAbsoluteUri(s)),
      { numRuns: 20_000 },
    );
  });

  it('law: every URI is a URI reference', () => {
    fc.assert(fc.property(candidate, (s) => !isUri(s) || isUriReference(s)));
  });
});
