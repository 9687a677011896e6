/**
 * The workers of one round of the per-operation phase: `workers` loops over the pure `nextTask` until no task is
 * left. The engine runs them once per exploration round (`plan/rounds.ts`): the end of a round is a barrier.
 */
import * as acc from './plan/operation-run.ts';
import type { OperationRun, QueueItem } from './plan/operation-run.ts';
import { nextTask, soonest } from './plan/schedule.ts';

/** What the workers do with a task. */
export interface Steps {
  /** Queues an operation's cases; a promise means they are made elsewhere (workers serve others meanwhile). */
  prepare(i: number): void | Promise<void>;
  process(i: number, item: QueueItem): Promise<void>;
  finish(i: number): Promise<void>;
  stopped(): boolean;
  /** An exploration round: operations waiting only on a back-off clock carry over instead of holding its end. */
  carry?: boolean;
}

/**
 * `workers` loops taking the next task (`plan/schedule.ts`) until none is left; a worker with nothing ready
 * waits for a change. `ops` is the run's list of accumulators: each slot is replaced, never changed in place.
 */
export async function runWorkers(ops: OperationRun[], workers: number, steps: Steps): Promise<void> {
  let wake: () => void = () => undefined;
  let changed = new Promise<void>((r) => (wake = r));
  const signal = (): void => {
    const w = wake;
    changed = new Promise<void>((r) => (wake = r));
    w();
  };
  const phase = (i: number, p: OperationRun['phase']): void => void (ops[i] = { ...ops[i]!, phase: p });
  const prepare = (i: number): void => {
    const ready = steps.prepare(i);
    if (!ready) return phase(i, 'running');
    phase(i, 'preparing');
    // Cases that arrive after a stop are never sent: the operation stays unreached.
    const settle = (): void => (phase(i, steps.stopped() ? 'pending' : 'running'), signal());
    ready.then(settle, settle);
  };
  let first = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const d = nextTask(ops, first, performance.now(), steps.stopped(), steps.carry);
      first = d.first;
      for (const w of d.writes) ops[w.index] = w.op;
      const task = d.task;
      if (task.kind === 'done') return;
      if (task.kind === 'prepare') prepare(task.index);
      else if (task.kind === 'wait') await idle(changed, soonest(ops, first));
      else if (task.kind === 'finish') await steps.finish(task.index);
      else
        await steps.process(task.index, task.item).finally(() => void (ops[task.index] = acc.sent(ops[task.index]!)));
      if (task.kind === 'finish' || task.kind === 'send') signal();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
}

/** Waits for a change on the board, or until the soonest back-off ends (5 ms to 250 ms). */
async function idle(changed: Promise<void>, soonestAt: number): Promise<void> {
  const delay = Math.max(5, Math.min(250, soonestAt - performance.now()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((r) => (timer = setTimeout(r, Number.isFinite(delay) ? delay : 250)));
  await Promise.race([changed, timeout]);
  clearTimeout(timer);
}

/** `f` over `items`, at most `workers` at once. */
export async function eachAtOnce<T>(
  items: readonly T[],
  workers: number,
  f: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await f(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
}
