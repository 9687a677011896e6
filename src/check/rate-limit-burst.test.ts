/** Laws of the rate-limit burst's decisions: which operations get one, how big, seeded by what. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BURST_CAP, burstCases, burstSize, documentsRateLimit, planBurst, statedLimit } from './rate-limit-burst.ts';
import { contextOf, exchangeOf } from './test-kit.ts';

const SPEC = `
openapi: 3.0.3
info: {title: limits, version: '1'}
paths:
  /limited:
    get:
      responses:
        '200': {description: ok}
        '429': {description: slow down, headers: {Retry-After: {schema: {type: integer}}}}
  /headed:
    get:
      responses:
        '200': {description: ok, headers: {X-RateLimit-Remaining: {schema: {type: integer}}}}
  /maintenance:
    post:
      responses:
        '204': {description: ok}
        '503': {description: later, headers: {Retry-After: {schema: {type: integer}}}}
`;

const at = (key: string) => {
  const ctx = contextOf(SPEC, key);
  return { spec: ctx.spec, operation: ctx.operation, policy: ctx.policy };
};

describe('documentsRateLimit', () => {
  it('holds for a documented 429 or a rate-limit header, not for Retry-After on a 503 alone', () => {
    expect(documentsRateLimit(at('GET /limited').spec, at('GET /limited').operation)).toBe(true);
    expect(documentsRateLimit(at('GET /headed').spec, at('GET /headed').operation)).toBe(true);
    expect(documentsRateLimit(at('POST /maintenance').spec, at('POST /maintenance').operation)).toBe(false);
  });
});

describe('statedLimit and burstSize', () => {
  it('reads the smallest stated remaining count, named or in the structured RateLimit field', () => {
    const ex = exchangeOf({
      headers: { 'x-ratelimit-remaining-requests': '7', 'x-ratelimit-remaining-tokens': '900', ratelimit: 'limit=9' },
    });
    expect(statedLimit(ex, 'remaining')).toBe(7);
    expect(statedLimit(ex, 'limit')).toBe(9);
    expect(statedLimit(exchangeOf({ headers: { ratelimit: '"default";r=4;t=10' } }), 'remaining')).toBe(4);
  });

  it('sends twice what the headers say is needed, never more than the cap, and skips a limit beyond it', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.integer({ min: 2, max: 100 }), (remaining, cap) => {
        const size = burstSize(exchangeOf({ headers: { 'x-ratelimit-remaining': String(remaining) } }), cap);
        if (remaining + 1 > cap) return 'skip' in size;
        return 'size' in size && size.size <= cap && size.size >= Math.min(cap, remaining + 1);
      }),
    );
    expect(burstSize(exchangeOf({}), BURST_CAP)).toEqual({ size: BURST_CAP });
  });
});

describe('planBurst', () => {
  it('repeats the first accepted valid case, with ids marking each copy', () => {
    const seen = [
      exchangeOf({ path: '/limited', kind: 'negative', status: 200 }),
      exchangeOf({ path: '/limited', status: 400 }),
      exchangeOf({
        path: '/limited',
        caseId: 'GET /limited/positive/3',
        status: 200,
        headers: { 'x-ratelimit-remaining': '2' },
      }),
    ];
    const { cases } = planBurst(seen, at('GET /limited'), Infinity);
    expect(cases.map((c) => c.id)).toEqual(
      Array.from({ length: 6 }, (_, n) => `GET /limited/positive/3/burst/${n + 1}`),
    );
  });

  it('sends nothing without a documented limit, without an accepted case, or beyond the budget left', () => {
    const ok = exchangeOf({ path: '/maintenance', method: 'POST', status: 204 });
    expect(planBurst([ok], at('POST /maintenance'), Infinity).cases).toEqual([]);
    expect(planBurst([exchangeOf({ path: '/limited', status: 400 })], at('GET /limited'), Infinity).why).toMatch(
      /accepted/,
    );
    expect(planBurst([exchangeOf({ path: '/limited', status: 200 })], at('GET /limited'), 1).cases).toEqual([]);
    expect(planBurst([exchangeOf({ path: '/limited', status: 200 })], at('GET /limited'), 5).cases).toHaveLength(5);
  });

  it('copies keep everything of the seed but the id', () => {
    const seed = exchangeOf({ path: '/limited', requestHeaders: { 'x-a': '1' } }).case;
    for (const c of burstCases(seed, 3)) expect({ ...c, id: seed.id }).toEqual(seed);
  });
});
