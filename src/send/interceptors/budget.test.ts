/**
 * Laws of the run's limits: exploration ends at 90% of --max-requests, shrinking gets the first half of the rest
 * (so stateful chains and switch operations keep the second half), and nothing is sent at the limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRunLimits } from './budget.ts';

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
