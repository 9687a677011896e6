/** Random ids and secrets. Random (not counters) so ids from different runs never collide in logs. */
import { randomBytes } from 'node:crypto';

/** `prefix` followed by `bytes` random bytes in hex. */
export const newId = (prefix: string, bytes = 6): string => prefix + randomBytes(bytes).toString('hex');

/** The `x-request-id` of a response: `req_` + 24 hex digits, as the contract's XRequestId header says. */
export const newRequestId = (): string => newId('req_', 12);

/** A plaintext API key, `sk-aig-` + 32 hex digits. */
export const newApiKey = (): string => newId('sk-aig-', 16);

/** A webhook signing secret, `whsec_` + 48 hex digits. */
export const newWebhookSecret = (): string => newId('whsec_', 24);
