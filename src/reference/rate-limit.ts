/**
 * Per-key requests-per-minute limit, counted in fixed one-minute windows of the injected clock
 * (so tests can move time instead of sleeping). Refused requests do not count.
 */

/** The outcome of one request against the limit. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the current window ends (at least 1). */
  retryAfterSec: number;
}

/** Counts requests per key id. */
export class RateLimiter {
  private readonly windows = new Map<string, { window: number; count: number }>();

  constructor(private readonly now: () => number) {}

  /** Records one request of `keyId` against `limit` requests per minute. */
  hit(keyId: string, limit: number): RateDecision {
    const t = this.now();
    const window = Math.floor(t / 60_000);
    let w = this.windows.get(keyId);
    if (!w || w.window !== window) {
      w = { window, count: 0 };
      this.windows.set(keyId, w);
    }
    const retryAfterSec = Math.max(1, Math.ceil(((window + 1) * 60_000 - t) / 1000));
    if (w.count >= limit) return { allowed: false, limit, remaining: 0, retryAfterSec };
    w.count++;
    return { allowed: true, limit, remaining: limit - w.count, retryAfterSec };
  }
}
