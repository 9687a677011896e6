/**
 * The run's hard limits (`--max-requests`, `--max-duration`) and Ctrl-C: once one is reached nothing more is
 * sent by any phase (operations already started still finish, without sending), and the reason is kept for the
 * report. Exploration ends a little earlier (`exploring()`), so shrinking, stateful chains and the report fit in
 * what is left instead of running past the limit.
 */
import type { Interceptor } from '../dispatch.ts';

/** What the limits are measured against. */
export interface LimitOptions {
  maxRequests?: number;
  maxDurationMs?: number;
  /** When the duration counts from: loading a big spec and planning are part of the run the user timed. */
  startedAt?: number;
  signal?: AbortSignal;
}

/** The run's limits: `stopped()` turns true once one is reached and stays true. */
export interface RunLimits {
  stopped(): boolean;
  /** Why the run stopped early, when it did. */
  stopNotes(): string[];
  /** False once exploration should end: the share of the budget kept for shrinking, chains and the report is reached. */
  exploring(): boolean;
  /** False once shrinking should end: it gets the first half of that share, chains and switch operations the rest. */
  shrinking(): boolean;
  /** Milliseconds until sending ends under --max-duration (Infinity without one): waits after the run fit in it. */
  msLeft(): number;
}

/** Share of --max-requests kept for what follows exploration (shrinking, stateful chains). */
export const REQUEST_RESERVE = 0.1;

/** Time of --max-duration kept for what follows exploration: this share, at most MAX_TIME_RESERVE_MS. */
export const TIME_RESERVE = 0.15;
export const MAX_TIME_RESERVE_MS = 10_000;

/** Time of --max-duration kept for writing the reports after the last request: this share, at most REPORT_MS. */
export const REPORT_SHARE = 0.05;
export const REPORT_MS = 3000;

/** When sending stops under --max-duration: the reports are written in what is left. */
export const sendingEnds = (ms: number): number => ms - Math.min(ms * REPORT_SHARE, REPORT_MS);

/** When exploration ends under the limits: [requests, milliseconds since the start]. */
export function explorationLimits(options: LimitOptions): [number, number] {
  const { maxRequests: n, maxDurationMs: ms } = options;
  const requests = n === undefined ? Infinity : Math.max(1, Math.floor(n * (1 - REQUEST_RESERVE)));
  const time = ms === undefined ? Infinity : ms - Math.min(ms * TIME_RESERVE, MAX_TIME_RESERVE_MS);
  return [requests, time];
}

/** Limits over `sent()` requests and the time since creation. */
export function createRunLimits(options: LimitOptions, sent: () => number, down = (): string => ''): RunLimits {
  const startedAt = options.startedAt ?? performance.now();
  let stopReason: string | undefined;
  const stopped = (): boolean => {
    if (stopReason) return true;
    if (options.signal?.aborted) stopReason = 'interrupted: reports cover what ran before the interrupt';
    else if (down()) stopReason = down();
    else if (options.maxRequests !== undefined && sent() >= options.maxRequests)
      stopReason = `stopped after --max-requests ${options.maxRequests}`;
    else if (options.maxDurationMs !== undefined && performance.now() - startedAt >= sendingEnds(options.maxDurationMs))
      stopReason = `stopped after --max-duration ${options.maxDurationMs / 1000} s`;
    return stopReason !== undefined;
  };
  const [requests, time] = explorationLimits(options);
  const within = (n: number, ms: number) => (): boolean =>
    !stopped() && sent() < n && performance.now() - startedAt < ms;
  const half = (end: number | undefined, from: number) => (end === undefined ? Infinity : (from + end) / 2);
  const ends = options.maxDurationMs === undefined ? undefined : sendingEnds(options.maxDurationMs);
  const shrinking = within(half(options.maxRequests, requests), half(ends, time));
  const msLeft = (): number => (ends === undefined ? Infinity : Math.max(0, ends - (performance.now() - startedAt)));
  const stopNotes = () => (stopReason ? [stopReason] : []);
  return { stopped, exploring: within(requests, time), shrinking, msLeft, stopNotes };
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
