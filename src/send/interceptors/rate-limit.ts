/** `--rate-limit`: every request of the run waits for a token of one shared bucket before it goes out. */
import type { Interceptor } from '../dispatch.ts';
import type { RateLimiter } from '../rate-limit.ts';

/** Waits for `limiter` before each request. */
export function rateLimit(limiter: RateLimiter): Interceptor {
  return (next) => async (c, ctx) => {
    await limiter.acquire();
    return next(c, ctx);
  };
}
