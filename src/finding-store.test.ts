import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FindingStore } from './finding-store.ts';
import { dedupeFindings } from './report/findings.ts';
import type { Exchange, Finding } from './types.ts';

/** A finding on the answer sent at `sentAt` (the run's clock), on a generated case or a probe. */
const finding = (cause: string, sentAt: number, size: number, probe: boolean): Finding => ({
  checkId: 'check',
  severity: 'error',
  operation: 'GET /x',
  message: `${cause} at ${sentAt}`,
  cause,
  seed: 1,
  exchange: { case: { kind: probe ? 'probe' : 'positive', query: 'q'.repeat(size), path: '/x' } } as Exchange,
});

/**
 * A stand-in for the engine's PoisonWatch: answers sent at or after `since` that `spoils` are poisoned, found
 * once `detectAt` findings came; until then `horizon` lags behind the clock but never passes `since`.
 */
function watch(since: number, detectAt: number, lag: number, spoils: (f: Finding) => boolean) {
  const sentAt = new Map<Finding, number>();
  let clock = 0;
  let found = false;
  return {
    sentAt,
    tick(f: Finding) {
      sentAt.set(f, clock++);
      if (clock >= detectAt) found = true;
    },
    horizon: () => (found ? Infinity : Math.min(Math.max(0, clock - lag), since)),
    settled: (f: Finding, horizon: number) => sentAt.get(f)! < horizon,
    keeps: (f: Finding) => !(found && sentAt.get(f)! >= since && spoils(f)),
  };
}

describe('FindingStore', () => {
  it('reports what filtering the poisoned answers out of every finding and deduplicating them gives', async () => {
    const arbFinding = fc.record({ cause: fc.constantFrom('a', 'b', 'c'), size: fc.nat(3), probe: fc.boolean() });
    const arb = fc.record({
      list: fc.array(arbFinding, { minLength: 150, maxLength: 400 }),
      since: fc.nat(300),
      after: fc.nat(100),
      lag: fc.nat(100),
      spoiled: fc.constantFrom('a', 'b'),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ list, since, after, lag, spoiled }) => {
        const poison = watch(since, since + after, lag, (f) => f.cause === spoiled);
        const store = new FindingStore(2, poison);
        const all = list.map((r, n) => finding(r.cause, n, r.size, r.probe));
        for (const [k, f] of all.entries()) poison.tick(f), store.add(k % 2, [f]);
        const expected = (op: number) => dedupeFindings(all.filter((f, k) => k % 2 === op && poison.keeps(f)));
        const identity = async (c: Finding[]) => c;
        expect(await store.reported(0, identity)).toEqual(expected(0));
        expect(await store.reported(1, identity)).toEqual(expected(1));
      }),
      { numRuns: 60 },
    );
  });

  it('hands the candidates to shrinking and adds the curl repro of each example', async () => {
    const all = [finding('a', 0, 3, false), finding('a', 1, 1, true), finding('b', 2, 0, false)];
    const store = new FindingStore(1, { horizon: () => Infinity, settled: () => true, keeps: () => true });
    for (const f of all) store.add(0, [f]);
    const smaller = finding('a', 3, 0, false);
    const reported = await store.reported(
      0,
      async (c) => [smaller, ...c.slice(1)],
      (e) => `curl ${e.case.query}`,
    );
    expect(reported.map((f) => [f.cause, f.message, f.occurrences, f.curl])).toEqual([
      ['a', 'a at 3', 2, 'curl '],
      ['b', 'b at 2', 1, 'curl '],
    ]);
    expect(await store.reported(0, async (c) => c)).toEqual([]);
  });
});
