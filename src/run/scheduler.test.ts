/**
 * Laws of the scheduler with cases made elsewhere (the generation thread): operations still run to completion
 * in plan order, only a bounded number wait for cases at once, and cases that arrive after a stop are never sent.
 */
import { describe, expect, it } from 'vitest';
import type { OperationState, QueueItem } from './operation.ts';
import { schedule } from './scheduler.ts';

/** Just the fields the scheduler reads. */
const op = (name: string): OperationState =>
  ({ name, queue: [], inFlight: 0, notBefore: 0, phase: 'pending' }) as unknown as OperationState;
const item = (n: number): QueueItem => ({ case: { id: String(n) }, attempt: 1 }) as unknown as QueueItem;
const tick = () => new Promise((r) => setTimeout(r, 1));

describe('scheduler with asynchronous preparation', () => {
  it('runs every operation, with at most two waiting for their cases at once', async () => {
    const ops = Array.from({ length: 6 }, (_, i) => op(`op${i}`));
    const sent: string[] = [];
    let preparing = 0;
    let most = 0;
    await schedule(ops, 3, {
      prepare: async (o) => {
        most = Math.max(most, ++preparing);
        await tick();
        preparing--;
        o.queue.push(item(1), item(2));
      },
      process: async (o, i) => void sent.push(`${(o as unknown as { name: string }).name}/${i.case.id}`),
      finish: async (o) => void (o.phase = 'done'),
      stopped: () => false,
    });
    expect(ops.every((o) => o.phase === 'done')).toBe(true);
    expect(sent.sort()).toEqual(
      ops.flatMap((o) => [1, 2].map((n) => `${(o as unknown as { name: string }).name}/${n}`)).sort(),
    );
    expect(most).toBeLessThanOrEqual(2);
    expect(most).toBeGreaterThan(0);
  });

  it('never sends cases that arrive after the run stopped; their operation stays unreached', async () => {
    const ops = [op('first'), op('late')];
    let stop = false;
    const sent: string[] = [];
    await schedule(ops, 2, {
      prepare: (o) => {
        if (o === ops[0]) return void o.queue.push(item(1));
        return tick().then(() => {
          stop = true; // e.g. --max-duration passed while the thread was generating
          o.queue.push(item(2));
        });
      },
      process: async (_o, i) => void sent.push(i.case.id),
      finish: async (o) => void (o.phase = 'done'),
      stopped: () => stop,
    });
    expect(sent).not.toContain('2');
    expect(ops[1]!.phase).toBe('pending');
  });
});
