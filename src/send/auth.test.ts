import { describe, expect, it } from 'vitest';
import type { Case, JsonObject, Operation, Spec } from '../types.ts';
import { bookOf, parseHeaderArg, readCredentials, schemeEnvName } from '../credentials/index.ts';
import { applyAuth, authFor, stripCredentials } from './auth.ts';

const schemes: JsonObject = {
  bearer: { type: 'http', scheme: 'bearer' },
  basic: { type: 'http', scheme: 'basic' },
  headerKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
  queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
  'cookie-key': { type: 'apiKey', in: 'cookie', name: 'sid' },
};
const spec = {
  get: (p: string) => (p === '/components/securitySchemes' ? schemes : undefined),
  deref: (node: unknown) => ({ value: node, pointer: '' }),
} as unknown as Spec;
const op = (security: Operation['security']) => ({ security }) as Operation;
const c: Case = {
  id: 'x',
  operation: 'GET /x',
  kind: 'positive',
  method: 'GET',
  path: '/x',
  query: 'a=1',
  headers: {},
  cookies: {},
  seed: 0,
};

describe('auth from the environment follows the security scheme', () => {
  const env = {
    SPECGATE_TOKEN: 'tok-123',
    SPECGATE_API_KEY: 'key-456',
    SPECGATE_USERNAME: 'ann',
    SPECGATE_PASSWORD: 'pw-789',
  };
  const table: Array<[string, Operation['security'], Partial<Case>]> = [
    ['bearer', [{ bearer: [] }], { headers: { authorization: 'Bearer tok-123' } }],
    ['basic', [{ basic: [] }], { headers: { authorization: `Basic ${Buffer.from('ann:pw-789').toString('base64')}` } }],
    ['apiKey header', [{ headerKey: [] }], { headers: { 'x-api-key': 'key-456' } }],
    ['apiKey query', [{ queryKey: [] }], { query: 'a=1&api_key=key-456' }],
    ['apiKey cookie', [{ 'cookie-key': [] }], { cookies: { sid: 'key-456' } }],
    [
      'AND of two',
      [{ bearer: [], headerKey: [] }],
      { headers: { authorization: 'Bearer tok-123', 'x-api-key': 'key-456' } },
    ],
    ['no auth needed', [], {}],
  ];
  it.each(table)('%s', (_n, security, want) => {
    const creds = readCredentials([], env);
    const got = applyAuth(c, authFor(spec, op(security), creds), creds);
    expect(got).toEqual({ ...c, ...want });
  });

  it('per-scheme variables win, and an unsatisfiable requirement falls through to the next', () => {
    const creds = readCredentials([], { [schemeEnvName('cookie-key')]: 'own-cookie' });
    expect(schemeEnvName('cookie-key')).toBe('SPECGATE_AUTH_COOKIE_KEY');
    const got = applyAuth(c, authFor(spec, op([{ bearer: [] }, { 'cookie-key': [] }]), creds), creds);
    expect(got.cookies).toEqual({ sid: 'own-cookie' });
    expect(got.headers).toEqual({});
  });

  it('-H headers win over scheme auth and are listed as secrets', () => {
    const creds = readCredentials(['Authorization: Bearer sk-secret-XYZ', 'Accept: application/json'], {
      SPECGATE_TOKEN: 'tok-123',
    });
    const got = applyAuth(c, authFor(spec, op([{ bearer: [] }]), creds), creds);
    expect(got.headers).toEqual({ authorization: 'Bearer sk-secret-XYZ', accept: 'application/json' });
    const book = bookOf(creds);
    expect(book.all()).toEqual(expect.arrayContaining(['sk-secret-XYZ', 'tok-123']));
    expect(book.sourceOf('sk-secret-XYZ')).toEqual({ env: 'SPECGATE_HEADER_AUTHORIZATION' });
    expect(book.sourceOf('tok-123')).toEqual({ env: 'SPECGATE_TOKEN' });
    expect(book.all()).not.toContain('application/json');
  });

  it('probes strip credentials only: routing headers stay (x-portkey-provider is not a key)', () => {
    const creds = readCredentials(
      ['x-portkey-provider: openai', 'x-portkey-api-key: pk-0123456789abcdef', 'x-tenant: acme-secret-tenant'],
      { SPECGATE_TOKEN: 'tok-123' },
      ['x-tenant'],
    );
    const placements = authFor(spec, op([{ bearer: [] }]), creds);
    const sent = applyAuth(c, placements, creds);
    const probe = stripCredentials(sent, placements, bookOf(creds));
    expect(probe.headers).toEqual({ 'x-portkey-provider': 'openai' });
    expect(bookOf(creds).all()).not.toContain('openai');
  });

  it.each(['NoColon', ': value', 'bad name: x'])('rejects malformed -H %j', (arg) => {
    expect(() => parseHeaderArg(arg)).toThrow(/Name: value/);
  });
});
