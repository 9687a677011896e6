/**
 * Bearer authentication. The root key (an option) acts for the whole account; sub-account keys are
 * minted through the API and act for their sub-account only.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './errors.ts';
import type { State } from './store.ts';
import { DEFAULT_SUB_ACCOUNT_RPM, type Principal, type ResolvedOptions } from './types.ts';

/** The id the root key is reported under (usage `key_id`, traces). */
export const ROOT_KEY_ID = 'key_root';

const unauthorized = (message: string): ApiError =>
  new ApiError(401, 'authentication_error', 'invalid_api_key', message);

/** The caller of a request, or a 401 ApiError. Marks sub-account keys as used. */
export function authenticate(headers: IncomingHttpHeaders, state: State, opts: ResolvedOptions): Principal {
  const header = headers.authorization;
  if (!header) throw unauthorized('Missing Authorization header; send "Authorization: Bearer sk-aig-...".');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('Authorization must be "Bearer <key>".');
  const presented = match[1]!;
  if (presented === opts.key)
    return { owner: 'root', keyId: ROOT_KEY_ID, subAccount: null, rpm: opts.rootRateLimitRpm };
  for (const key of state.keys.values()) {
    if (key.key !== presented) continue;
    const sub = state.subAccounts.get(key.sub_account_id);
    if (key.revoked || !sub || sub.deleted) break;
    key.last_used_at = Math.floor(opts.now() / 1000);
    return {
      owner: sub.id,
      keyId: key.id,
      subAccount: sub,
      rpm: key.rate_limit_rpm ?? sub.rate_limit_rpm ?? DEFAULT_SUB_ACCOUNT_RPM,
    };
  }
  throw unauthorized('Invalid API key.');
}
