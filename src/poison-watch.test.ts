import { describe, expect, it } from 'vitest';
import { PoisonWatch } from './poison-watch.ts';
import type { Case, Exchange, Finding, PlannedOperation } from './types.ts';

const planned = { operation: { key: 'GET /x' } } as PlannedOperation;
const answer = (status: number): Exchange =>
  ({
    case: { id: `c${status}`, method: 'GET', path: '/x', query: '' } as Case,
    response: { status, headers: { 'content-type': 'application/json' }, body: '{}' },
  }) as unknown as Exchange;
const on = (exchange: Exchange) => ({ checkId: 'c', cause: 'x', exchange }) as Finding;

describe('PoisonWatch.horizon', () => {
  it('stays at or before every answer still being judged, and passes it once judged', async () => {
    const watch = new PoisonWatch();
    const forbidden = answer(403);
    let during = 0;
    let release: () => void = () => undefined;
    const judging = watch.during(async () => {
      watch.sending(forbidden.case);
      await new Promise<void>((r) => (release = r));
      watch.judged(forbidden, planned, [on(forbidden)]);
    });
    // Other answers come and go while the first is in flight: the horizon waits for it.
    for (let i = 0; i < 10; i++) {
      const ok = answer(200);
      await watch.during(async () => (watch.sending(ok.case), void watch.judged(ok, planned, [])));
      during = watch.horizon();
      expect(during).toBeLessThanOrEqual(0);
    }
    release();
    await judging;
    expect(watch.settled(on(forbidden), during)).toBe(false);
    expect(watch.horizon()).toBe(0); // the 403 is in the log now: a poisoning could still start at it
  });

  it('settles at once a finding on an answer whose status no poisoning is made of', async () => {
    const watch = new PoisonWatch();
    const [ok, forbidden] = [answer(500), answer(403)];
    for (const ex of [ok, forbidden])
      await watch.during(async () => (watch.sending(ex.case), void watch.judged(ex, planned, [])));
    expect(watch.settled(on(ok), watch.horizon())).toBe(true);
    expect(watch.settled(on(forbidden), watch.horizon())).toBe(false);
    expect(watch.settled({ checkId: 'c', cause: 'x' } as Finding, 0)).toBe(true);
  });
});
