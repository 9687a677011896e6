/**
 * The `rate-limit-body` drift: one operation gets its own limit per key, stated in its rate-limit headers (as
 * per-model limits are), and past it answers a 429 whose body is `{"message": ...}` instead of the `Error` schema.
 * Generated cases stay under the limit; only a burst of requests reaches it.
 */
import { ApiError } from './errors.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Requests per minute of the operation the drift limits on its own. */
export const OPERATION_RPM = 30;

/** A 429 with a bare `{message}` body (the drift's deviation); Retry-After stays as documented. */
class BareRateLimit extends ApiError {
  override toBody(): unknown {
    return { message: this.message };
  }
}

/** Counts one request of `id` (key and operation) against OPERATION_RPM; the stated headers go into `base`. */
export function limitOperation(limiter: RateLimiter, id: string, base: Record<string, string>): void {
  const rate = limiter.hit(id, OPERATION_RPM);
  base['x-ratelimit-limit-requests'] = String(rate.limit);
  base['x-ratelimit-remaining-requests'] = String(rate.remaining);
  if (rate.allowed) return;
  const message = `Rate limit of ${rate.limit} requests per minute reached for this operation.`;
  throw new BareRateLimit(429, 'rate_limit_error', 'rate_limit_exceeded', message, null, {
    'retry-after': String(rate.retryAfterSec),
  });
}
