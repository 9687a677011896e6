/**
 * Generation on a second thread. Generating an operation's cases is tens of milliseconds of synchronous work;
 * on the main thread it stalls every response in flight meanwhile, so the target idles while the harness
 * computes. The pool posts jobs a few operations ahead of the scheduler (a bounded window, so memory stays
 * flat on specs with thousands of operations) and the thread works while the main thread sends and judges.
 */
import { Worker } from 'node:worker_threads';

import type { Case, CaseKind, Spec, PlannedOperation } from '../types.ts';

/** One operation's generation, kind by kind. */
export interface GenerationJob {
  id: number;
  operation: string;
  seed: number;
  kinds: Array<{ kind: CaseKind; count: number }>;
}

/** What generating one kind gave: cases and problems, or the error that stopped it. */
export interface KindResult {
  kind: CaseKind;
  cases: Case[];
  problems: Array<{ reason: string }>;
  error?: string;
}

/** The thread's answer to a job. */
export interface GenerationReply {
  id: number;
  results?: KindResult[];
  error?: string;
}

export interface GenerationPool {
  /**
   * The cases of a planned operation, or undefined when the caller should make them itself: the thread is still
   * starting (the main thread generates meanwhile, so a run never waits for it) or has failed. Rejects when the
   * thread fails while on the job.
   */
  casesFor(planned: PlannedOperation): Promise<KindResult[]> | undefined;
  close(): Promise<void>;
}

/** The kinds a planned operation asks for, in sending order. */
export type KindsOf = (planned: PlannedOperation) => GenerationJob['kinds'];

/** Options of a pool. */
export interface PoolOptions {
  /** Operations generated ahead of the one the scheduler asks for. */
  lookahead?: number;
  /** Hand every operation to the thread, even while it starts (the main thread then waits for it). */
  always?: boolean;
}

/**
 * The thread's entry module. Compiled (dist/), the worker runs its module directly; from the sources (tsx), a
 * worker does not inherit the main thread's loader, so generation-entry.js registers tsx first.
 */
function workerEntry(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./generation-entry.js', import.meta.url)
    : new URL('./generation-worker.js', import.meta.url);
}

/** Starts the thread for `spec`; `order` is the plan order the scheduler reaches operations in. */
export function createGenerationPool(
  spec: Spec,
  order: PlannedOperation[],
  kindsOf: KindsOf,
  options: PoolOptions = {},
): GenerationPool {
  const lookahead = options.lookahead ?? 3;
  const worker = new Worker(workerEntry(), {
    workerData: { document: spec.document, source: spec.source },
    execArgv: [], // a clean thread: from the sources it registers its own loader
  });
  const indexOf = new Map(order.map((p, i) => [p, i]));
  const jobs = listen(worker);
  const posted = new Map<number, Promise<KindResult[]>>();
  let nextToPost = 0;
  let ready = options.always ?? false; // messages posted before the thread listens wait in its port
  jobs.onReady(() => (ready = true));
  const post = (i: number): void => {
    const planned = order[i]!;
    const job = { id: i, operation: planned.operation.key, seed: planned.seed, kinds: kindsOf(planned) };
    posted.set(i, jobs.post(job));
  };

  return {
    casesFor(planned) {
      const index = indexOf.get(planned);
      if (index === undefined || jobs.failed()) return undefined;
      if (!ready) {
        nextToPost = Math.max(nextToPost, index + 1); // made here: the thread starts after it
        return undefined;
      }
      for (; nextToPost <= Math.min(order.length - 1, index + lookahead); nextToPost++) post(nextToPost);
      if (!posted.has(index)) post(index); // asked out of order after its turn passed
      const promise = posted.get(index)!;
      posted.delete(index); // handed over: the pool keeps only the window ahead
      return promise;
    },
    async close() {
      worker.removeAllListeners('exit');
      jobs.fail(new Error('the generation thread was closed'));
      await worker.terminate();
    },
  };
}

/** Jobs in flight on the thread: each answer settles its job; a thread failure rejects every waiting one. */
function listen(worker: Worker) {
  const waiting = new Map<number, { resolve(r: KindResult[]): void; reject(e: Error): void }>();
  let failure: Error | undefined;
  let onReady = (): void => undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  worker.on('message', (reply: GenerationReply | { ready: true }) => {
    if ('ready' in reply) return onReady();
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.results) w?.resolve(reply.results);
    else w?.reject(new Error(reply.error ?? 'no result'));
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`the generation thread exited (code ${code})`)));
  return {
    fail,
    failed: (): boolean => failure !== undefined,
    onReady: (f: () => void): void => void (onReady = f),
    post(job: GenerationJob): Promise<KindResult[]> {
      const promise = new Promise<KindResult[]>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.set(job.id, { resolve, reject });
        worker.postMessage(job satisfies GenerationJob);
      });
      promise.catch(() => undefined); // a prefetched job nobody asks for must not become an unhandled rejection
      return promise;
    },
  };
}
