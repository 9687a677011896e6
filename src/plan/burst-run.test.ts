/** Laws of the burst in an operation's accumulator: queued once, cut at the first 429, counted. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case, PlannedOperation } from '../types.ts';
import { burstAnswered, burstNote, QUIET_BURSTS, withBurst, worthBursting } from './burst-run.ts';
import { newOperationRun, withCases } from './operation-run.ts';

const c = (id: string): Case => ({
  id,
  operation: 'GET /q',
  kind: 'positive',
  method: 'GET',
  path: '/q',
  query: '',
  headers: {},
  cookies: {},
  seed: 1,
});
const planned = { operation: { key: 'GET /q' } } as unknown as PlannedOperation;

describe('burst accumulator', () => {
  it('drops the rest of the burst at the first 429, and only the burst', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(200, 429, 503), { maxLength: 10 }), (statuses) => {
        let run = withBurst(withCases(newOperationRun(planned), [c('other')], []), {
          cases: [c('b1'), c('b2'), c('b3')],
        });
        for (const s of statuses) run = burstAnswered(run, s);
        const first = statuses.indexOf(429);
        expect(run.burst!.sent).toBe(statuses.length);
        expect(run.burst!.firstLimitedAt).toBe(first < 0 ? undefined : first + 1);
        expect(run.queue.map((q) => q.case.id)).toEqual(first < 0 ? ['other', 'b1', 'b2', 'b3'] : ['other']);
      }),
    );
  });

  it('notes a burst that went out, and says nothing of one that did not', () => {
    const none = withBurst(newOperationRun(planned), { cases: [], why: 'no valid case was accepted' });
    expect(burstNote('GET /q', none.burst)).toEqual([]);
    const hit = burstAnswered(
      burstAnswered(withBurst(newOperationRun(planned), { cases: [c('b1'), c('b2')] }), 200),
      429,
    );
    expect(burstNote('GET /q', hit.burst)).toEqual([
      'GET /q: rate-limit burst of 2 request(s) (up to 2): the limit answered 429 at request 2; 1 429 answer(s) judged',
    ]);
  });
});

describe('bursts a run spends', () => {
  const burst = { cases: [c('b1'), c('b2')] };
  const burstOf = (limited: number) => ({
    ...withBurst(newOperationRun(planned), burst),
    burst: { planned: 2, sent: 2, limited },
  });

  it('stop after QUIET_BURSTS bursts that met no limit, and say why', () => {
    const quiet = Array.from({ length: QUIET_BURSTS }, () => burstOf(0));
    expect(worthBursting(quiet.slice(1), burst)).toBe(burst);
    expect(worthBursting(quiet, burst)).toEqual({
      cases: [],
      why: `${QUIET_BURSTS} bursts of other operations met no rate limit`,
    });
  });

  it('go on for every operation once any burst met a 429', () => {
    const ops = [...Array.from({ length: 5 }, () => burstOf(0)), burstOf(1)];
    expect(worthBursting(ops, burst)).toBe(burst);
  });

  it('leave a decision with no burst as it is', () => {
    const none = { cases: [], why: 'no accepted valid case' };
    expect(worthBursting([], none)).toBe(none);
  });
});
