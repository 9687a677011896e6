import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';
import { retryAfterMs } from './retry-after.ts';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const table: Array<[string | undefined, number]> = [
    ['2', 2000],
    ['0', 0],
    ['999999', 30_000],
    [undefined, 1000],
    ['soon', 1000],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
  ];
  it.each(table)('%j → %d ms', (value, want) => {
    expect(retryAfterMs(value, { capMs: 30_000, fallbackMs: 1000, now })).toBe(want);
  });
});

describe('createRateLimiter', () => {
  it('lets a burst of N through, then N per second', async () => {
    let t = 0;
    const limiter = createRateLimiter(4, () => t);
    for (let i = 0; i < 4; i++) await limiter.acquire();
    let fifth = false;
    const p = limiter.acquire().then(() => (fifth = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(fifth).toBe(false);
    t = 250; // one token's worth of time
    await p;
    expect(fifth).toBe(true);
  });
});
