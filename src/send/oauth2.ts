/**
 * OAuth2 client credentials (RFC 6749 §4.4): the run fetches its own bearer token before sending anything, and
 * again before it expires. The client authenticates with HTTP Basic first (§2.3.1 says servers must support it)
 * and falls back to credentials in the form body for servers that only take those.
 */
import { request, type Dispatcher } from 'undici';
import { HarnessError } from '../errors.ts';
import type { JsonObject, Spec } from '../types.ts';

/** A client-credentials grant; `tokenUrl` may come from the spec's `clientCredentials` flow. */
export interface ClientCredentials {
  tokenUrl?: string;
  clientId: string;
  clientSecret: string;
  scopes?: string[];
}

/** A fetched token; `expiresInS` when the server said. */
export interface Token {
  accessToken: string;
  expiresInS?: number;
}

/** The grant from `SPECGATE_OAUTH2_*` variables over `configured` (config `auth.oauth2`), if any. */
export function readClientCredentials(
  env: Record<string, string | undefined>,
  configured?: ClientCredentials,
): ClientCredentials | undefined {
  const clientId = env.SPECGATE_OAUTH2_CLIENT_ID ?? configured?.clientId;
  const clientSecret = env.SPECGATE_OAUTH2_CLIENT_SECRET ?? configured?.clientSecret;
  if (!clientId || clientSecret === undefined) return undefined;
  const tokenUrl = env.SPECGATE_OAUTH2_TOKEN_URL ?? configured?.tokenUrl;
  const scopes = env.SPECGATE_OAUTH2_SCOPES?.split(/[\s,]+/).filter(Boolean) ?? configured?.scopes;
  return { clientId, clientSecret, ...(tokenUrl ? { tokenUrl } : {}), ...(scopes?.length ? { scopes } : {}) };
}

/** The token URL of the spec's first oauth2 scheme with a client-credentials flow, resolved against `baseUrl`. */
export function specTokenUrl(spec: Spec, baseUrl: string): string | undefined {
  const schemes = (spec.get<JsonObject>('/components/securitySchemes') ?? {}) as Record<string, unknown>;
  for (const [name, raw] of Object.entries(schemes)) {
    const scheme = spec.deref<JsonObject>(raw as JsonObject, `/components/securitySchemes/${name}`).value;
    const flows = scheme?.type === 'oauth2' ? (scheme.flows as JsonObject | undefined) : undefined;
    const url = (flows?.clientCredentials as JsonObject | undefined)?.tokenUrl;
    if (typeof url === 'string') return new URL(url, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
  }
  return undefined;
}

type Attempt = { status: number; body: string } | { error: string };

async function post(
  url: string,
  form: URLSearchParams,
  headers: Record<string, string>,
  dispatcher: Dispatcher,
  timeoutMs: number,
): Promise<Attempt> {
  try {
    const res = await request(url, {
      method: 'POST',
      dispatcher,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
      body: form.toString(),
    });
    return { status: res.statusCode, body: (await res.body.text()).slice(0, 64 * 1024) };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? (error as Error).message };
  }
}

/** Fetches a token; every failure is a HarnessError that names the token URL and never the secret. */
export async function fetchToken(
  grant: ClientCredentials & { tokenUrl: string },
  dispatcher: Dispatcher,
  timeoutMs = 10_000,
): Promise<Token> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (grant.scopes?.length) form.set('scope', grant.scopes.join(' '));
  const basic = Buffer.from(`${encodeURIComponent(grant.clientId)}:${encodeURIComponent(grant.clientSecret)}`).toString(
    'base64',
  );
  let answer = await post(grant.tokenUrl, form, { authorization: `Basic ${basic}` }, dispatcher, timeoutMs);
  if ('status' in answer && (answer.status === 400 || answer.status === 401)) {
    const inBody = new URLSearchParams(form);
    inBody.set('client_id', grant.clientId);
    inBody.set('client_secret', grant.clientSecret);
    answer = await post(grant.tokenUrl, inBody, {}, dispatcher, timeoutMs);
  }
  if ('error' in answer)
    throw new HarnessError(
      'TARGET_UNREACHABLE',
      `the OAuth2 token endpoint ${grant.tokenUrl} could not be reached (${answer.error})`,
    );
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  if (answer.status < 200 || answer.status >= 300 || typeof body?.access_token !== 'string') {
    const why =
      typeof body?.error === 'string'
        ? `${body.error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}`
        : 'no access_token in the answer';
    throw new HarnessError(
      'AUTH_FAILED',
      `the OAuth2 token endpoint ${grant.tokenUrl} refused the client credentials (status ${answer.status}, ${why})`,
    );
  }
  const expires = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    ...(Number.isFinite(expires) && expires > 0 ? { expiresInS: expires } : {}),
  };
}
