/**
 * The rate-limit burst in an operation's accumulator: its cases are queued once, after the generated cases and
 * probes, and the rest of the burst is dropped at the first 429 (the limit is reached; one 429 is judged).
 */
import type { Case } from '../types.ts';
import type { OperationRun } from './operation-run.ts';

/** What the burst of one operation did. */
export interface BurstTally {
  readonly planned: number;
  readonly sent: number;
  /** 429 answers judged. */
  readonly limited: number;
  /** The burst request (1-based) that first got a 429. */
  readonly firstLimitedAt?: number;
  /** Why no burst went out, when none did. */
  readonly why?: string;
}

/** Bursts a run sends while none of them met a limit: a target that shows none in these shows none in more. */
export const QUIET_BURSTS = 3;

/**
 * The burst decision, unless earlier bursts used up the run's quiet ones: once QUIET_BURSTS operations burst
 * without a 429, the rest send none (60 copies for each of 288 operations spent most of a 90-s run on a mock
 * with no limit); once any burst met a 429 the target has limits, and every operation that documents one is tried.
 */
export function worthBursting(ops: readonly OperationRun[], decision: { cases: readonly Case[]; why?: string }) {
  if (decision.cases.length === 0 || ops.some((op) => (op.burst?.limited ?? 0) > 0)) return decision;
  const quiet = ops.filter((op) => (op.burst?.planned ?? 0) > 0).length;
  if (quiet < QUIET_BURSTS) return decision;
  return { cases: [], why: `${quiet} bursts of other operations met no rate limit` };
}

/** Queues the burst (possibly empty, with `why`): the operation's burst is decided once. */
export function withBurst(run: OperationRun, { cases, why }: { cases: readonly Case[]; why?: string }): OperationRun {
  const queue = [...run.queue, ...cases.map((c) => ({ case: c, attempt: 1, burst: true }))];
  const burst: BurstTally = { planned: cases.length, sent: 0, limited: 0, ...(why ? { why } : {}) };
  return { ...run, queue, burst };
}

/** A burst request came back with `status`; at the first 429 the burst's queued rest is dropped. */
export function burstAnswered(run: OperationRun, status: number | undefined): OperationRun {
  const b = run.burst;
  if (!b) return run;
  const sent = b.sent + 1;
  if (status !== 429) return { ...run, burst: { ...b, sent } };
  const burst = { ...b, sent, limited: b.limited + 1, firstLimitedAt: b.firstLimitedAt ?? sent };
  return { ...run, burst, queue: run.queue.filter((q) => !q.burst) };
}

/** The run's note on a burst that went out (none when no burst did). */
export function burstNote(key: string, b: BurstTally | undefined): string[] {
  if (!b || b.planned === 0) return [];
  const outcome =
    b.firstLimitedAt !== undefined
      ? `the limit answered 429 at request ${b.firstLimitedAt}; ${b.limited} 429 answer(s) judged`
      : 'no 429 came back';
  return [`${key}: rate-limit burst of ${b.sent} request(s) (up to ${b.planned}): ${outcome}`];
}
