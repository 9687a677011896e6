/** A token bucket shared by every worker of a run: `--rate-limit N` requests per second, bursts up to N. */

/** Waits until a request may go out. */
export interface RateLimiter {
  acquire(): Promise<void>;
}

/** A limiter that never waits (no `--rate-limit`). */
export const UNLIMITED: RateLimiter = { acquire: async () => undefined };

/** Creates a token bucket of `perSecond` tokens per second (fractional rates such as 0.5 allowed). */
export function createRateLimiter(perSecond: number, now: () => number = () => performance.now()): RateLimiter {
  if (!(perSecond > 0)) return UNLIMITED;
  const capacity = Math.max(1, perSecond);
  let tokens = capacity;
  let last = now();
  // Waiters queue in order so a burst of workers cannot starve one another.
  let chain: Promise<void> = Promise.resolve();
  const take = async (): Promise<void> => {
    for (;;) {
      const t = now();
      tokens = Math.min(capacity, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - tokens) / perSecond) * 1000)));
    }
  };
  return {
    acquire() {
      const next = chain.then(take);
      chain = next;
      return next;
    },
  };
}
