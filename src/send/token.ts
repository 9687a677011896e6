/**
 * The run's OAuth2 token: fetched before anything is sent when client credentials are given (and no token is),
 * and fetched again at 80 % of its lifetime. Operations are authorised when they start, so a refreshed token
 * reaches every operation started after the refresh; requests already queued keep the old, still valid one.
 */
import type { Dispatcher } from 'undici';
import { HarnessError } from '../errors.ts';
import type { Credentials } from '../credentials/index.ts';
import { fetchToken, readClientCredentials, specTokenUrl, type ClientCredentials } from './oauth2.ts';
import type { Spec } from '../types.ts';

/** What the token needs of the run's options: credentials from the environment or config, the deadline. */
export interface TokenOptions {
  env: Record<string, string | undefined>;
  oauth2?: ClientCredentials;
  timeoutMs: number;
}

/** A started token: stop the refreshing when the run ends. */
export interface RunToken {
  stop(): void;
}

/**
 * Puts a fetched token into `creds.token` (and later refreshed ones); `onSecret` hears every token value so
 * reports can scrub it. Undefined when the run has no client credentials or already has a token.
 */
export async function startToken(
  options: TokenOptions,
  spec: Spec,
  targetUrl: string,
  dispatcher: Dispatcher,
  creds: Credentials,
  onSecret: (value: string) => void,
  notes: string[],
): Promise<RunToken | undefined> {
  const grant = readClientCredentials(options.env, options.oauth2);
  if (!grant || creds.token) return undefined;
  const tokenUrl = grant.tokenUrl ?? specTokenUrl(spec, targetUrl);
  if (!tokenUrl) {
    throw new HarnessError(
      'USAGE',
      'OAuth2 client credentials were given but no token URL: set auth.oauth2.tokenUrl or SPECGATE_OAUTH2_TOKEN_URL (the spec has no clientCredentials flow)',
    );
  }
  const full = { ...grant, tokenUrl };
  const take = (token: { accessToken: string }): void => {
    creds.token = token.accessToken;
    onSecret(token.accessToken);
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = (expiresInS: number | undefined): void => {
    if (expiresInS === undefined) return;
    timer = setTimeout(
      async () => {
        try {
          const next = await fetchToken(full, dispatcher, options.timeoutMs);
          take(next);
          schedule(next.expiresInS);
        } catch (error) {
          notes.push(
            `the OAuth2 token could not be refreshed (${(error as Error).message}); requests after it expires may be refused`,
          );
        }
      },
      Math.max(5, expiresInS * 0.8) * 1000,
    );
    timer.unref();
  };
  const first = await fetchToken(full, dispatcher, options.timeoutMs);
  take(first);
  schedule(first.expiresInS);
  return { stop: () => clearTimeout(timer) };
}
