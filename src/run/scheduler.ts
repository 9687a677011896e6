/**
 * Work distribution: N workers take the next request from the first operation that has one ready, so
 * operations finish roughly in plan order (reports fill in as they go) while all workers stay busy. An
 * operation in 429 back-off is skipped until its `notBefore`, and workers serve other operations meanwhile.
 */
import type { OperationState, QueueItem } from './operation.ts';

/** What the scheduler asks of the run. */
export interface SchedulerHooks {
  /**
   * Fills the queue of an operation the first time a worker reaches it (generation is lazy). A promise means the
   * cases are being made elsewhere (the generation thread): workers serve other operations until it settles.
   */
  prepare(op: OperationState): void | Promise<void>;
  /** Sends and judges one item; may put items back on `op.queue` (retries, probes). */
  process(op: OperationState, item: QueueItem): Promise<void>;
  /** Called once an operation has nothing queued or in flight; may queue more, else marks it done. */
  finish(op: OperationState): Promise<void>;
  /** True once the run must stop sending (limits, Ctrl-C); started operations are still finished. */
  stopped(): boolean;
}

/** Operations whose cases are being made elsewhere at once; the generation thread works ahead of these anyway. */
const MAX_PREPARING = 2;

type Next = { op: OperationState; item: QueueItem } | { op: OperationState; finish: true } | 'wait' | 'done';

/** Runs every operation to completion (or until stopped) with `workers` concurrent requests. */
export async function schedule(ops: OperationState[], workers: number, hooks: SchedulerHooks): Promise<void> {
  let wake: () => void = () => undefined;
  let changed = new Promise<void>((r) => (wake = r));
  const signal = () => {
    const w = wake;
    changed = new Promise<void>((r) => (wake = r));
    w();
  };

  // Operations before `first` are all done: each take scans only the active window, not the whole spec.
  let first = 0;
  const next = (): Next => {
    const now = performance.now();
    const stopped = hooks.stopped();
    let waiting = false;
    while (first < ops.length && ops[first]!.phase === 'done') first++;
    let preparing = 0;
    for (let i = first; i < ops.length; i++) {
      const op = ops[i]!;
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
      if (stopped) op.queue.length = 0;
      if (op.phase === 'pending') {
        // Generating here, not up front, interleaves CPU work with requests in flight and starts sending at once.
        const ready = hooks.prepare(op);
        if (ready) {
          op.phase = 'preparing';
          waiting = true;
          // Cases that arrive after a stop are never sent: the operation stays unreached.
          const settle = (): void => void ((op.phase = hooks.stopped() ? 'pending' : 'running'), signal());
          ready.then(settle, settle);
          if (++preparing >= MAX_PREPARING) break;
          continue;
        }
        op.phase = 'running';
      }
      if (op.queue.length > 0 && op.notBefore <= now) {
        op.inFlight++;
        return { op, item: op.queue.shift()! };
      }
      if (op.queue.length === 0 && op.inFlight === 0) {
        op.phase = 'finishing';
        return { op, finish: true };
      }
      waiting = true;
    }
    return waiting ? 'wait' : 'done';
  };

  const soonest = () =>
    ops
      .slice(first)
      .reduce((t, o) => (o.queue.length > 0 && o.phase !== 'done' ? Math.min(t, o.notBefore) : t), Infinity);

  const worker = async (): Promise<void> => {
    for (;;) {
      const task = next();
      if (task === 'done') return;
      if (task === 'wait') {
        const delay = Math.max(5, Math.min(250, soonest() - performance.now()));
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          changed,
          new Promise<void>((r) => (timer = setTimeout(r, Number.isFinite(delay) ? delay : 250))),
        ]);
        clearTimeout(timer);
        continue;
      }
      if ('finish' in task) {
        await hooks.finish(task.op);
      } else {
        try {
          await hooks.process(task.op, task.item);
        } finally {
          task.op.inFlight--;
        }
      }
      signal();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
}
