/**
 * Laws of the run's limits: sending stops in time for the reports, exploration before that, both stay stopped;
 * exploration ends at 90% of --max-requests, shrinking gets the first half of the rest (chains and switch
 * operations the second half).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRunLimits, explorationLimits, sendingEnds } from './budget.ts';

afterEach(() => void vi.useRealTimers());

describe('--max-duration', () => {
  it('exploration ends before sending does, and sending before the budget, leaving time for the reports', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 3_600_000 }), (ms) => {
        const [, explore] = explorationLimits({ maxDurationMs: ms });
        expect(explore).toBeLessThan(sendingEnds(ms));
        expect(sendingEnds(ms)).toBeLessThan(ms);
        expect(ms - sendingEnds(ms)).toBeLessThanOrEqual(3000);
      }),
    );
  });

  it('counts from the given start (the command’s own start), and once stopped stays stopped', () => {
    vi.useFakeTimers({ now: 0, toFake: ['performance'] });
    vi.advanceTimersByTime(5000); // five seconds of start-up before the run
    const limits = createRunLimits({ maxDurationMs: 20_000, startedAt: 0 }, () => 0);
    expect(limits.stopped()).toBe(false);
    expect(limits.msLeft()).toBe(sendingEnds(20_000) - 5000); // what a wait after the requests may take
    vi.advanceTimersByTime(sendingEnds(20_000) - 5000);
    expect(limits.stopped()).toBe(true);
    expect(limits.msLeft()).toBe(0);
    expect(createRunLimits({}, () => 0).msLeft()).toBe(Infinity);
    expect(limits.stopNotes()).toEqual(['stopped after --max-duration 20 s']);
  });

  it('--max-requests stops at the count, exploration at 90 % of it', () => {
    let sent = 0;
    const limits = createRunLimits({ maxRequests: 100 }, () => sent);
    sent = 89;
    expect([limits.exploring(), limits.stopped()]).toEqual([true, false]);
    sent = 90;
    expect([limits.exploring(), limits.stopped()]).toEqual([false, false]);
    sent = 100;
    expect(limits.stopped()).toBe(true);
  });
});

describe('createRunLimits', () => {
  it('splits --max-requests: explore, then shrink in half the reserve, then the rest for chains and switches', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 100_000 }), (max) => {
        let sent = 0;
        const limits = createRunLimits({ maxRequests: max }, () => sent);
        const phases: string[] = [];
        for (; sent <= max; sent++)
          phases.push(
            limits.exploring() ? 'explore' : limits.shrinking() ? 'shrink' : limits.stopped() ? 'stop' : 'rest',
          );
        const count = (p: string) => phases.filter((x) => x === p).length;
        expect(phases).toEqual([...phases].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
        expect(count('explore')).toBe(Math.floor(max * 0.9));
        expect(Math.abs(count('shrink') - count('rest'))).toBeLessThanOrEqual(1);
        expect(limits.stopped()).toBe(true);
      }),
    );
  });

  it('without a budget, exploration and shrinking never end on their own', () => {
    const limits = createRunLimits({}, () => 1e9);
    expect([limits.exploring(), limits.shrinking(), limits.stopped()]).toEqual([true, true, false]);
  });
});

const ORDER = ['explore', 'shrink', 'rest', 'stop'];
