/**
 * Laws of `nextTask`: plan order first, back-off passed over, a stop drains, at most MAX_PREPARING wait for cases,
 * and in an exploration round (`carry`) an operation waiting only on its back-off clock does not hold the round.
 */
import { describe, expect, it } from 'vitest';
import type { Case, PlannedOperation } from '../types.ts';
import { newOperationRun, withCases, type OperationRun, type Phase } from './operation-run.ts';
import { MAX_PREPARING, nextTask } from './schedule.ts';

const op = (key: string, phase: Phase, queued = 0, notBefore = 0): OperationRun => {
  const cases = Array.from({ length: queued }, (_, i) => ({ id: `${key}/${i}`, kind: 'positive' }) as Case);
  const run = withCases(newOperationRun({ operation: { key } } as PlannedOperation), cases, []);
  return { ...run, phase, notBefore };
};

describe('nextTask', () => {
  it('takes the next item of the first operation that has one ready, in plan order', () => {
    const d = nextTask([op('a', 'done'), op('b', 'running', 2), op('c', 'running', 1)], 0, 0, false);
    expect(d.task).toMatchObject({ kind: 'send', index: 1, item: { case: { id: 'b/0' } } });
    expect(d.first).toBe(1);
    expect(d.writes[0]!.op).toMatchObject({ inFlight: 1, queue: [{ case: { id: 'b/1' } }] });
  });

  it('passes over an operation in back-off until its notBefore, and prepares the next pending one', () => {
    const ops = [op('a', 'running', 1, 100), op('b', 'pending')];
    expect(nextTask(ops, 0, 50, false).task).toEqual({ kind: 'prepare', index: 1 });
    expect(nextTask(ops, 0, 100, false).task).toMatchObject({ kind: 'send', index: 0 });
  });

  it('once stopped, leaves pending operations unreached and finishes running ones without sending', () => {
    const d = nextTask([op('a', 'pending'), op('b', 'running', 3)], 0, 0, true);
    expect(d.task).toEqual({ kind: 'finish', index: 1 });
    expect(d.writes.at(-1)!.op).toMatchObject({ phase: 'finishing', queue: [] });
    expect(nextTask([op('a', 'pending')], 0, 0, true).task).toEqual({ kind: 'done' });
  });

  it(`waits while ${MAX_PREPARING} operations are being prepared elsewhere, without starting more`, () => {
    const ops = [...Array.from({ length: MAX_PREPARING }, (_, i) => op(`p${i}`, 'preparing')), op('z', 'pending')];
    expect(nextTask(ops, 0, 0, false).task).toEqual({ kind: 'wait' });
  });

  it('starts a switch operation only once every other operation is done', () => {
    const sw = (o: OperationRun): OperationRun => ({ ...o, planned: { ...o.planned, last: true } });
    const ops = [op('a', 'running', 0), sw(op('s', 'pending'))];
    ops[0] = { ...ops[0]!, inFlight: 1 };
    expect(nextTask(ops, 0, 0, false).task).toEqual({ kind: 'wait' });
    expect(nextTask([op('a', 'done'), ops[1]!], 0, 0, false).task).toEqual({ kind: 'prepare', index: 1 });
    expect(nextTask([sw(op('t', 'running', 1)), ops[1]!], 0, 0, false).task).toMatchObject({ kind: 'send', index: 0 });
    // Nor beside another switch: maintenance switched on by one would spoil the other's answers.
    const busy = { ...sw(op('t', 'running', 0)), inFlight: 1 };
    expect(nextTask([op('a', 'done'), busy, ops[1]!], 0, 0, false).task).toEqual({ kind: 'wait' });
  });

  it('with carry, ends the round past an operation whose only work waits on its back-off clock', () => {
    const limited = op('a', 'running', 2, 10_000);
    expect(nextTask([limited, op('b', 'done')], 0, 0, false).task).toEqual({ kind: 'wait' });
    expect(nextTask([limited, op('b', 'done')], 0, 0, false, true).task).toEqual({ kind: 'done' });
    // In flight, or ready to send: the round waits for it or sends it, carry or not.
    expect(nextTask([{ ...limited, inFlight: 1 }], 0, 0, false, true).task).toEqual({ kind: 'wait' });
    expect(nextTask([limited], 0, 10_000, false, true).task).toMatchObject({ kind: 'send', index: 0 });
  });
});
