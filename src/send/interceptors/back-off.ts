/**
 * 429 (and 503 with Retry-After): the answer means "come back later", not "this is the API's verdict". The
 * exchange is handed back with the wait it asks for (Retry-After honoured, capped), so the caller re-queues
 * the case on its operation while workers serve other operations, until the attempts are spent.
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-4
 */
import type { Interceptor } from '../dispatch.ts';
import { isBackOffStatus, retryAfterMs } from '../retry-after.ts';

/** Options of the back-off: attempts per request (counting the first) and the longest wait honoured. */
export interface BackOffOptions {
  maxAttempts: number;
  retryAfterCapMs: number;
}

/** Asks for a retry on 429, or on 503 with Retry-After, while attempts remain. */
export function backOff(options: BackOffOptions): Interceptor {
  return (next) => async (c, ctx) => {
    const out = await next(c, ctx);
    if (!('exchange' in out) || ctx.attempt >= options.maxAttempts || ctx.judgeLimits) return out;
    const response = out.exchange.response;
    const retryAfter = response?.headers['retry-after'];
    if (!response || !isBackOffStatus(response.status) || (response.status !== 429 && retryAfter === undefined))
      return out;
    const wait = retryAfterMs(retryAfter, { capMs: options.retryAfterCapMs, fallbackMs: 1000 });
    return { exchange: out.exchange, retryInMs: wait };
  };
}
