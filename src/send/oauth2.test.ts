import type http from 'node:http';
import { Agent } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import { fetchToken, readClientCredentials, specTokenUrl } from './oauth2.ts';
import { refusedUrl, startServer, type TestServer } from './test-servers.ts';

const dispatcher = new Agent();
afterAll(() => dispatcher.close());

const SECRET = 'cs-very-secret-42';

/** A token endpoint that takes client credentials the ways `accepts` lists, and records what it got. */
async function tokenServer(
  accepts: Array<'basic' | 'body'>,
  seen: Array<{ auth?: string; form: URLSearchParams }>,
): Promise<TestServer> {
  return startServer((req: http.IncomingMessage, res: http.ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      seen.push({ ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), form });
      const basicOk = req.headers.authorization === `Basic ${Buffer.from(`app:${SECRET}`).toString('base64')}`;
      const bodyOk = form.get('client_id') === 'app' && form.get('client_secret') === SECRET;
      const ok =
        form.get('grant_type') === 'client_credentials' &&
        ((accepts.includes('basic') && basicOk) || (accepts.includes('body') && bodyOk));
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          ok ? { access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600 } : { error: 'invalid_client' },
        ),
      );
    });
  });
}

describe('OAuth2 client credentials', () => {
  it('authenticates with HTTP Basic and asks for the scopes', async () => {
    const seen: Array<{ auth?: string; form: URLSearchParams }> = [];
    const server = await tokenServer(['basic'], seen);
    try {
      const token = await fetchToken(
        { tokenUrl: `${server.url}/token`, clientId: 'app', clientSecret: SECRET, scopes: ['read', 'write'] },
        dispatcher,
      );
      expect(token).toEqual({ accessToken: 'tok-1', expiresInS: 3600 });
      expect(seen).toHaveLength(1);
      expect(seen[0]!.form.get('scope')).toBe('read write');
      expect(seen[0]!.form.get('client_secret')).toBeNull(); // the secret went in the header only
    } finally {
      await server.close();
    }
  });

  it('falls back to credentials in the form body when the server refuses Basic', async () => {
    const seen: Array<{ auth?: string; form: URLSearchParams }> = [];
    const server = await tokenServer(['body'], seen);
    try {
      const token = await fetchToken(
        { tokenUrl: `${server.url}/token`, clientId: 'app', clientSecret: SECRET },
        dispatcher,
      );
      expect(token.accessToken).toBe('tok-1');
      expect(seen.map((s) => (s.auth ? 'basic' : 'body'))).toEqual(['basic', 'body']);
    } finally {
      await server.close();
    }
  });

  it('a refused grant is AUTH_FAILED naming the endpoint and the error, never the secret', async () => {
    const server = await tokenServer(['basic'], []);
    try {
      const failure = fetchToken(
        { tokenUrl: `${server.url}/token`, clientId: 'app', clientSecret: 'wrong-secret-99' },
        dispatcher,
      );
      await expect(failure).rejects.toMatchObject({
        code: 'AUTH_FAILED',
        message: expect.stringMatching(/\/token refused the client credentials \(status 401, invalid_client\)/),
      });
      await expect(failure).rejects.not.toThrow(/wrong-secret-99/);
    } finally {
      await server.close();
    }
  });

  it('an unreachable token endpoint is TARGET_UNREACHABLE', async () => {
    const url = await refusedUrl();
    await expect(
      fetchToken({ tokenUrl: `${url}/token`, clientId: 'app', clientSecret: SECRET }, dispatcher),
    ).rejects.toMatchObject({ code: 'TARGET_UNREACHABLE' });
  });

  it('reads the grant from SPECGATE_OAUTH2_* over the config, and the token URL from the spec', () => {
    const configured = { clientId: 'from-config', clientSecret: 'x', scopes: ['a'] };
    expect(readClientCredentials({}, configured)).toEqual(configured);
    expect(
      readClientCredentials({ SPECGATE_OAUTH2_CLIENT_ID: 'env', SPECGATE_OAUTH2_SCOPES: 'b, c' }, configured),
    ).toEqual({ clientId: 'env', clientSecret: 'x', scopes: ['b', 'c'] });
    expect(readClientCredentials({})).toBeUndefined();
    const spec = specFromText(`
openapi: 3.1.0
info: { title: t, version: '1' }
paths: {}
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: oauth/token, scopes: {} } } }
`);
    // A relative reference resolves against the server URL (RFC 3986), as OpenAPI says of every URL field.
    expect(specTokenUrl(spec, 'https://api.example.com/v2')).toBe('https://api.example.com/v2/oauth/token');
  });
});
