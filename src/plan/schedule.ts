/**
 * What to do next, decided from the run's operations alone (a pure function): the next request of the first
 * operation that has one ready, so operations finish roughly in plan order (reports fill in as they go) while
 * every worker stays busy. An operation in 429 back-off is passed over until its `notBefore`; one whose cases
 * are being made elsewhere (the generation thread) is waited for, at most MAX_PREPARING at once. With `carry`
 * (an exploration round), an operation whose only work waits on a back-off clock does not hold the round's end:
 * its queue carries into the next round, so one rate-limited operation cannot idle every worker for its window.
 */
import type { OperationRun, QueueItem } from './operation-run.ts';

/** Operations whose cases are being made elsewhere at once; the generation thread works ahead of these anyway. */
export const MAX_PREPARING = 2;

/** The next thing a worker does. */
export type Task =
  | { kind: 'send'; index: number; item: QueueItem }
  | { kind: 'finish'; index: number }
  | { kind: 'prepare'; index: number }
  | { kind: 'wait' }
  | { kind: 'done' };

/** A decision: the task, the operations it changes (by index), and the first operation not yet done. */
export interface Decision {
  task: Task;
  writes: Array<{ index: number; op: OperationRun }>;
  first: number;
}

/**
 * The next task over `ops` (all before `first` are done): the item taken off its operation's queue, or the
 * operation marked finishing. Once `stopped`, pending operations stay unreached and running ones drop their
 * queue and finish. Changes come back as `writes`, so the caller replaces one slot instead of copying the list.
 */
export function nextTask(
  ops: readonly OperationRun[],
  first: number,
  now: number,
  stopped: boolean,
  carry = false,
): Decision {
  while (first < ops.length && ops[first]!.phase === 'done') first++;
  const writes: Decision['writes'] = [];
  const decide = (task: Task): Decision => ({ task, writes, first });
  let waiting = false;
  let preparing = 0;
  for (let i = first; i < ops.length; i++) {
    let op = ops[i]!;
    if (op.phase === 'done' || op.phase === 'finishing') {
      waiting ||= op.phase === 'finishing';
      continue;
    }
    if (stopped && op.phase === 'pending') continue; // never started: stays unreached
    if (op.phase === 'preparing') {
      waiting = true;
      if (++preparing >= MAX_PREPARING) break;
      continue;
    }
    // A switch starts once every operation before it is done, the other switches too: what it turns on (say,
    // maintenance) cannot spoil their answers, and two switches never overlap (every one before `first` is done).
    if (op.phase === 'pending' && op.planned.last && first < i) return decide({ kind: 'wait' });
    if (op.phase === 'pending') return decide({ kind: 'prepare', index: i });
    if (stopped && op.queue.length > 0) writes.push({ index: i, op: (op = { ...op, queue: [] }) });
    if (op.queue.length > 0 && op.notBefore <= now) {
      writes.push({ index: i, op: { ...op, queue: op.queue.slice(1), inFlight: op.inFlight + 1 } });
      return decide({ kind: 'send', index: i, item: op.queue[0]! });
    }
    if (op.queue.length === 0 && op.inFlight === 0) {
      writes.push({ index: i, op: { ...op, phase: 'finishing' } });
      return decide({ kind: 'finish', index: i });
    }
    waiting ||= !(carry && backedOff(op, now));
  }
  return decide({ kind: waiting ? 'wait' : 'done' });
}

/** True when all the operation still has to do is queued behind its back-off clock (nothing in flight). */
function backedOff(op: OperationRun, now: number): boolean {
  return op.phase === 'running' && op.inFlight === 0 && op.queue.length > 0 && op.notBefore > now;
}

/** When the soonest backed-off operation may send again (Infinity when none waits on a clock). */
export function soonest(ops: readonly OperationRun[], first: number): number {
  let t = Infinity;
  for (let i = first; i < ops.length; i++) {
    const o = ops[i]!;
    if (o.queue.length > 0 && o.phase !== 'done') t = Math.min(t, o.notBefore);
  }
  return t;
}
