/**
 * Signed webhook delivery, as the contract's `webhooks` section documents:
 * `x-aig-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>`.
 * Non-2xx answers (or network errors) are retried with exponential backoff, at most 5 attempts; the
 * secret is looked up per attempt, so a rotation applies to retries too.
 */
import { createHmac } from 'node:crypto';
import { newId, newWebhookSecret } from './ids.ts';
import { later, type OwnerId, type State } from './store.ts';

/** Attempts per event, the first included. */
export const MAX_ATTEMPTS = 5;
const TIMEOUT_MS = 10_000;

/** The `x-aig-signature` value of `body` sent at Unix second `t`. */
export function signature(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** The current webhook secret of `owner`, created on first use. */
export function secretFor(state: State, owner: OwnerId, nowSec: number): { secret: string; created_at: number } {
  let s = state.secrets.get(owner);
  if (!s) {
    s = { secret: newWebhookSecret(), created_at: nowSec };
    state.secrets.set(owner, s);
  }
  return s;
}

/** Replaces `owner`'s secret; the old one is never used again. */
export function rotateSecret(state: State, owner: OwnerId, nowSec: number): { secret: string; created_at: number } {
  const s = { secret: newWebhookSecret(), created_at: nowSec };
  state.secrets.set(owner, s);
  return s;
}

/** What to deliver. */
export interface Delivery {
  url: string;
  owner: OwnerId;
  type: 'job.completed' | 'job.failed';
  data: Record<string, unknown>;
  /** Sign with a wrong key (the `bad-webhook-signature` drift). */
  badSignature: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Sends one event, retrying in the background until a 2xx or MAX_ATTEMPTS. */
export function deliver(state: State, now: () => number, baseDelayMs: number, d: Delivery): void {
  const created = Math.floor(now() / 1000);
  const event = { id: newId('evt_', 8), object: 'event', type: d.type, created, data: d.data };
  const body = JSON.stringify(event);
  // The reference gateway runs in sandboxes with no network but loopback, and must never be an SSRF
  // vector for whoever runs it: events for other hosts are accepted by the API but not sent anywhere.
  // The API accepts every RFC 3986 http(s) URI (the contract's format); one no HTTP client can parse
  // (`http://a:99999/`) has no host here and is never sent, like a URL that never answers.
  if (!LOOPBACK.has(hostOf(d.url))) return;
  const attempt = async (n: number): Promise<void> => {
    if (state.closed) return;
    const t = Math.floor(now() / 1000);
    const secret = d.badSignature ? 'whsec_not-the-secret' : secretFor(state, d.owner, t).secret;
    let ok = false;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-aig-signature': signature(secret, t, body),
          'x-aig-event-id': event.id,
          'x-aig-event-type': d.type,
          'x-aig-delivery-attempt': String(n),
        },
        signal: AbortSignal.any([AbortSignal.timeout(TIMEOUT_MS), state.abort.signal]),
      });
      await res.arrayBuffer();
      ok = res.status >= 200 && res.status < 300;
    } catch {
      ok = false; // unreachable receiver or timeout: same as a non-2xx, retry
    }
    if (!ok && n < MAX_ATTEMPTS) later(state, baseDelayMs * 2 ** (n - 1), () => void attempt(n + 1));
  };
  void attempt(1);
}
