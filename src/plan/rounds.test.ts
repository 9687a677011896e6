/** Laws of the exploration rounds: depth caps, exhausted operations stop, news and stuck operations earn more. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case, PlannedOperation } from '../types.ts';
import { newOperationRun, type OperationRun } from './operation-run.ts';
import {
  deepen,
  DEFAULT_DEPTH,
  explorationDepth,
  FIRST_TASTE,
  firstTaste,
  nextAsk,
  ROUND_CASES,
  roundSeed,
  startRound,
} from './rounds.ts';

const op = (t: Partial<OperationRun['tally']>): OperationRun => {
  const run = newOperationRun({ operation: { key: 'GET /x' }, seed: 1 } as unknown as PlannedOperation);
  return { ...run, phase: 'done', tally: { ...run.tally, fresh: 5, accepted: 1, ...t } };
};

describe('nextAsk', () => {
  it('never asks past the depth, and asks nothing once it is reached', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.nat(3), fc.nat(2), (positive, depth, novel, accepted) => {
        const ask = nextAsk(op({ casesByKind: { positive, negative: 1 }, novel, accepted }), depth);
        const left = depth - positive - 1;
        if (left <= 0) expect(ask).toBeUndefined();
        else expect(ask!.positive + ask!.negative).toBeLessThanOrEqual(left);
      }),
    );
  });

  it('asks nothing of an operation whose last round gave no request it had not sent', () => {
    expect(nextAsk(op({ fresh: 0, casesByKind: { positive: 3 } }), 100)).toBeUndefined();
  });

  it('asks nothing of an operation the rate limit still refused after the back-off (its answers judge nothing)', () => {
    expect(nextAsk(op({ casesByKind: { positive: 6 } }), 100)).toBeDefined();
    expect(nextAsk(op({ casesByKind: { positive: 6 }, inconclusive: 1 }), 100)).toBeUndefined();
  });

  it('doubles the round after news, doubles valid cases while no 2xx came, and asks negatives only where they exist', () => {
    const plain = nextAsk(op({ casesByKind: { positive: 6, negative: 6 } }), 1000)!;
    expect(plain).toEqual({ ...ROUND_CASES, negativeFrom: 6 });
    expect(nextAsk(op({ casesByKind: { positive: 6, negative: 6 }, novel: 2 }), 1000)).toEqual({
      positive: 2 * ROUND_CASES.positive,
      negative: 2 * ROUND_CASES.negative,
      negativeFrom: 6,
    });
    expect(nextAsk(op({ casesByKind: { positive: 6 }, accepted: 0 }), 1000)).toEqual({
      positive: 2 * ROUND_CASES.positive,
      negative: 0,
      negativeFrom: 0,
    });
  });

  it("starts a round's negatives after every negative the operation sent, so rounds walk down the ranked list", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (negative) => {
        expect(nextAsk(op({ casesByKind: { positive: 6, negative } }), Infinity)!.negativeFrom).toBe(negative);
      }),
    );
  });

  it('a new round resets the round counters and keeps what the operation learnt', () => {
    const before = op({ statuses: [200], novel: 3, casesByKind: { positive: 6 } });
    const next = startRound(before, 2, { positive: 6, negative: 0 });
    expect(next).toMatchObject({ phase: 'pending', round: 2, tally: { novel: 0, fresh: 0, statuses: [200] } });
  });
});

describe('depth and seeds', () => {
  it('explores to the default depth without limits, and as far as a limit allows with one', () => {
    expect(explorationDepth({})).toBe(DEFAULT_DEPTH);
    expect(explorationDepth({ maxRequests: 10 })).toBe(Infinity);
    expect(explorationDepth({ maxDurationMs: 10 })).toBe(Infinity);
    expect(explorationDepth({ maxDurationMs: 10, depth: 0 })).toBe(0);
  });

  it('keeps the operation seed in round 1 and gives every later round its own', () => {
    expect(roundSeed(42, 1)).toBe(42);
    const seeds = new Set([2, 3, 4, 5, 6].map((r) => roundSeed(42, r)));
    expect(seeds.size).toBe(5);
    expect(seeds.has(42)).toBe(false);
  });
});

describe('breadth first under a budget: a taste of the plan in round 1, the rest in round 2', () => {
  const KINDS: Case['kind'][] = ['example', 'boundary', 'positive', 'negative'];
  const plan = fc
    .array(fc.constantFrom(...KINDS), { maxLength: 60 })
    .map((kinds) => kinds.map((kind, n) => ({ id: `c${n}`, kind }) as Case));

  it('splits the plan into a taste and the rest: nothing lost or repeated, plan order kept, kinds taken in turn', () => {
    fc.assert(
      fc.property(plan, (cases) => {
        const [taste, rest] = firstTaste(cases);
        expect(taste.length).toBe(Math.min(FIRST_TASTE, cases.length));
        const byOrder = (a: Case, b: Case) => Number(a.id.slice(1)) - Number(b.id.slice(1));
        expect([...taste, ...rest].sort(byOrder)).toEqual(cases);
        expect([...taste].sort(byOrder)).toEqual(taste);
        // Every kind the plan has is tasted while the taste has room for it.
        const kinds = new Set(cases.map((c) => c.kind));
        if (kinds.size <= FIRST_TASTE) for (const k of kinds) expect(taste.some((c) => c.kind === k)).toBe(true);
      }),
    );
  });

  it('round 2 queues the held rest as it is, before any deepening ask', () => {
    const held = [
      { id: 'h1', kind: 'positive' },
      { id: 'h2', kind: 'negative' },
    ] as Case[];
    const ops = [{ ...op({}), held }, op({})];
    expect(deepen(ops, 2, Infinity)).toBe(true);
    expect(ops[0]).toMatchObject({ phase: 'running', round: 2, held: [], ask: undefined });
    expect(ops[0]!.queue.map((q) => q.case.id)).toEqual(['h1', 'h2']);
    expect(ops[1]).toMatchObject({ phase: 'pending', round: 2, ask: { positive: ROUND_CASES.positive } });
  });
});
