/**
 * The run's hard limits (`--max-requests`, `--max-duration`) and Ctrl-C: once one is reached nothing more is
 * sent (operations already started still finish, without sending), and the reason is kept for the report.
 */
import type { Interceptor } from '../dispatch.ts';

/** What the limits are measured against. */
export interface LimitOptions {
  maxRequests?: number;
  maxDurationMs?: number;
  signal?: AbortSignal;
}

/** The run's limits: `stopped()` turns true once one is reached and stays true. */
export interface RunLimits {
  stopped(): boolean;
  /** Why the run stopped early, when it did. */
  stopNotes(): string[];
}

/** Limits over `sent()` requests and the time since creation. */
export function createRunLimits(options: LimitOptions, sent: () => number): RunLimits {
  const startedAt = performance.now();
  let stopReason: string | undefined;
  const stopped = (): boolean => {
    if (stopReason) return true;
    if (options.signal?.aborted) stopReason = 'interrupted: reports cover what ran before the interrupt';
    else if (options.maxRequests !== undefined && sent() >= options.maxRequests)
      stopReason = `stopped after --max-requests ${options.maxRequests}`;
    else if (options.maxDurationMs !== undefined && performance.now() - startedAt >= options.maxDurationMs)
      stopReason = `stopped after --max-duration ${options.maxDurationMs / 1000} s`;
    return stopReason !== undefined;
  };
  return { stopped, stopNotes: () => (stopReason ? [stopReason] : []) };
}

/** Sends nothing once the limits are reached; an exchange cut by our own Ctrl-C is not the API's answer. */
export function budget(limits: RunLimits, signal?: AbortSignal): Interceptor {
  return (next) => async (c, ctx) => {
    if (limits.stopped()) return { skipped: 'the run stopped' };
    const out = await next(c, ctx);
    if ('exchange' in out && out.exchange.error && signal?.aborted) return { skipped: 'interrupted' };
    return out;
  };
}
