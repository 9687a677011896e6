/**
 * The run's credentials: `-H` headers and SPECGATE_* variables, the embedded server's own key, and an OAuth2
 * token fetched (and refreshed) before anything is sent. Every secret value is known here, so reports can
 * scrub it; a token refreshed mid-run joins the list when it arrives.
 */
import type { Dispatcher } from 'undici';
import { bookOf, declaredNames, readCredentials, type SecretBook } from '../credentials/index.ts';
import type { Case, Operation, PlannedOperation, Spec } from '../types.ts';
import { applyAuth, authFor, stripCredentials } from './auth.ts';
import { startToken, type TokenOptions } from './token.ts';

/** What the auth of a run needs. */
export interface RunAuthOptions extends TokenOptions {
  /** `-H "Name: value"` arguments. */
  headers: string[];
  /** Names marked secret besides the spec's (`--secret`, config `secrets:`). */
  secretNames?: string[];
}

/** The run's auth, started. */
export interface RunAuth {
  /** Gives a case the run's credentials, where the operation's security schemes put them. */
  authorize(c: Case, operation: Operation): Case;
  /** The same, worked out once for the cases of one planned operation. */
  authorizer(planned: PlannedOperation): (c: Case) => Case;
  /** Removes every configured credential (for probes of checks that send without them). */
  strip(c: Case, operation: Operation): Case;
  /** The run's secrets so far (credential names, and values with where they came from; tokens join as fetched). */
  secrets(): SecretBook;
  /** Stops refreshing the token. */
  stop(): void;
}

/** Reads the credentials (`key` when the run started its own server) and fetches a token when one is due. */
export async function startRunAuth(
  options: RunAuthOptions,
  spec: Spec,
  target: { url: string; key?: string },
  dispatcher: Dispatcher,
  notes: string[],
): Promise<RunAuth> {
  const creds = readCredentials(options.headers, options.env, options.secretNames);
  if (target.key && !creds.token && !creds.apiKey) creds.token = creds.apiKey = target.key;
  const book = bookOf(creds, declaredNames(spec.document));
  book.add(options.env.SPECGATE_OAUTH2_CLIENT_SECRET ?? options.oauth2?.clientSecret, {
    env: 'SPECGATE_OAUTH2_CLIENT_SECRET',
  });
  const onSecret = (t: string): void => book.add(t, { env: 'SPECGATE_TOKEN' });
  const token = await startToken(options, spec, target.url, dispatcher, creds, onSecret, notes);
  return {
    authorize: (c, operation) => applyAuth(c, authFor(spec, operation, creds), creds),
    authorizer(planned) {
      const placements = authFor(spec, planned.operation, creds);
      return (c) => applyAuth(c, placements, creds);
    },
    strip: (c, operation) => stripCredentials(c, authFor(spec, operation, creds), book),
    secrets: () => book,
    stop: () => token?.stop(),
  };
}
