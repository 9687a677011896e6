/**
 * Laws of the engine's workers with cases made elsewhere (the generation thread): operations still run to completion
 * in plan order, only a bounded number wait for cases at once, and cases that arrive after a stop are never sent.
 */
import { describe, expect, it } from 'vitest';
import { runWorkers } from './workers.ts';
import { newOperationRun, withCases, type OperationRun } from './plan/operation-run.ts';
import type { Case, PlannedOperation } from './types.ts';

/** An operation named `name` (its key), with nothing queued. */
const op = (name: string): OperationRun => newOperationRun({ operation: { key: name } } as PlannedOperation);
const item = (n: number): Case => ({ id: String(n), kind: 'positive' }) as Case;
const tick = () => new Promise((r) => setTimeout(r, 1));
const name = (o: OperationRun): string => o.planned.operation.key;
const done = (ops: OperationRun[], i: number) => async () => void (ops[i] = { ...ops[i]!, phase: 'done' });

describe('scheduler with asynchronous preparation', () => {
  it('runs every operation, with at most two waiting for their cases at once', async () => {
    const ops = Array.from({ length: 6 }, (_, i) => op(`op${i}`));
    const sent: string[] = [];
    let preparing = 0;
    let most = 0;
    await runWorkers(ops, 3, {
      prepare: async (i) => {
        most = Math.max(most, ++preparing);
        await tick();
        preparing--;
        ops[i] = withCases(ops[i]!, [item(1), item(2)], []);
      },
      process: async (i, it) => void sent.push(`${name(ops[i]!)}/${it.case.id}`),
      finish: (i) => done(ops, i)(),
      stopped: () => false,
    });
    expect(ops.every((o) => o.phase === 'done')).toBe(true);
    expect(sent.sort()).toEqual(ops.flatMap((o) => [1, 2].map((n) => `${name(o)}/${n}`)).sort());
    expect(most).toBeLessThanOrEqual(2);
    expect(most).toBeGreaterThan(0);
  });

  it('never sends cases that arrive after the run stopped; their operation stays unreached', async () => {
    const ops = [op('first'), op('late')];
    let stop = false;
    const sent: string[] = [];
    await runWorkers(ops, 2, {
      prepare: (i) => {
        if (i === 0) return void (ops[i] = withCases(ops[i]!, [item(1)], []));
        return tick().then(() => {
          stop = true; // e.g. --max-duration passed while the thread was generating
          ops[i] = withCases(ops[i]!, [item(2)], []);
        });
      },
      process: async (_i, it) => void sent.push(it.case.id),
      finish: (i) => done(ops, i)(),
      stopped: () => stop,
    });
    expect(sent).not.toContain('2');
    expect(ops[1]!.phase).toBe('pending');
  });
});
