/**
 * The accumulator of one planned operation while the run exercises it: what is queued, what came back, what
 * the checks said. Immutable: every step of `cases → send → check → probes` is a pure function from one value
 * to the next, so what to send next is decided from values, never from state hidden in closures.
 */
import type { Case, CaseKind, Exchange, Finding, PlannedOperation } from '../types.ts';
import { burstAnswered, type BurstTally } from './burst-run.ts';
import { responseShape } from './novelty.ts';

/** One request waiting to be sent. `probeBy` names the check that asked for it. */
export interface QueueItem {
  readonly case: Case;
  readonly attempt: number;
  readonly probeBy?: string;
  /** Part of the operation's rate-limit burst: its 429 is judged, not retried. */
  readonly burst?: boolean;
}

/** `pending` → (`preparing`) → `running` ⇄ `finishing` → `done`. */
export type Phase = 'pending' | 'preparing' | 'running' | 'finishing' | 'done';

/** What the checks said about one exchange (`CheckOutcome` of check/, without the run-level notes). */
export interface Verdict {
  readonly findings: readonly Finding[];
  readonly checked: readonly string[];
  readonly unchecked: ReadonlyArray<{ check: string; why: string }>;
  /** Set when the answer (429, 503 after the back-off) speaks to no verdict. */
  readonly inconclusive?: string;
}

/** What came of an operation so far: what coverage and the report read. */
export interface OperationTally {
  readonly requests: number;
  readonly casesByKind: Readonly<Partial<Record<CaseKind, number>>>;
  /** Statuses seen, in first-seen order. */
  readonly statuses: readonly number[];
  /** Checks that had something to check in at least one exchange. */
  readonly checked: readonly string[];
  /** The first reason each check gave for having nothing to check. */
  readonly whyNot: Readonly<Record<string, string>>;
  /** Probes asked of each probing check. */
  readonly probesBy: Readonly<Record<string, number>>;
  readonly retries: number;
  readonly retryWaitMs: number;
  /** Exchanges no check could judge (429, 503 with Retry-After, after the back-off). */
  readonly inconclusive: number;
  /** Why no case could be sent, when none could. */
  readonly notes: readonly string[];
  /**
   * Response shapes seen (`responseShape`), the first `SHAPES_KEPT`: a new one is news about the operation. Past
   * that, a shape not among them still counts as news (an API that answers so many shapes keeps changing).
   */
  readonly shapes: readonly string[];
  /** New statuses and shapes this round: what earns an operation a larger next round. */
  readonly novel: number;
  /** Exchanges answered 2xx: an operation with none is stuck (unknown ids, missing state) and wants live values. */
  readonly accepted: number;
  /** Cases queued in the current round (after dropping repeats of requests already sent). */
  readonly fresh: number;
}

/** One operation's accumulator. */
export interface OperationRun {
  readonly planned: PlannedOperation;
  readonly phase: Phase;
  /** Exploration round, 1-based: round 1 is the plan's budget, later ones deepen (`plan/rounds.ts`). */
  readonly round: number;
  /**
   * Positive and negative cases asked of the generator in this round (rounds after the first); `negativeFrom` is
   * where the round's negatives start in the operation's ranked list of violations (after those already sent).
   */
  readonly ask?: { readonly positive: number; readonly negative: number; readonly negativeFrom?: number };
  readonly queue: readonly QueueItem[];
  /** Plan cases held for round 2 (`plan/rounds.ts` firstTaste: breadth first under a budget). */
  readonly held: readonly Case[];
  readonly inFlight: number;
  /** `performance.now()` before which nothing of this operation is sent (429 back-off). */
  readonly notBefore: number;
  /** True once the fallback probes (from any valid case that got a response) were asked for. */
  readonly fallbackProbed: boolean;
  /** The rate-limit burst, once decided (`plan/burst-run.ts`). */
  readonly burst?: BurstTally;
  /** Exchanges of generated (non-probe) cases, in completion order; dropped when the operation is done. */
  readonly exchanges: readonly Exchange[];
  readonly tally: OperationTally;
}

/** Shapes remembered per operation: a target answering random bodies would otherwise add one per answer. */
export const SHAPES_KEPT = 64;

const EMPTY_TALLY: OperationTally = {
  requests: 0,
  casesByKind: {},
  statuses: [],
  checked: [],
  whyNot: {},
  probesBy: {},
  retries: 0,
  retryWaitMs: 0,
  inconclusive: 0,
  notes: [],
  shapes: [],
  novel: 0,
  accepted: 0,
  fresh: 0,
};

/** A planned operation no worker reached yet. */
export function newOperationRun(planned: PlannedOperation): OperationRun {
  return {
    planned,
    phase: 'pending',
    round: 1,
    queue: [],
    held: [],
    inFlight: 0,
    notBefore: 0,
    fallbackProbed: false,
    exchanges: [],
    tally: EMPTY_TALLY,
  };
}

/** Queues the operation's generated cases; `notes` say why some kind gave none (kept when no case came). */
export function withCases(run: OperationRun, cases: readonly Case[], notes: readonly string[]): OperationRun {
  const casesByKind = { ...run.tally.casesByKind };
  for (const c of cases) casesByKind[c.kind] = (casesByKind[c.kind] ?? 0) + 1;
  const queue = [...run.queue, ...cases.map((c): QueueItem => ({ case: c, attempt: 1 }))];
  const tally = {
    ...run.tally,
    casesByKind,
    fresh: run.tally.fresh + cases.length,
    notes: cases.length === 0 ? [...run.tally.notes, ...notes] : run.tally.notes,
  };
  return { ...run, queue, tally };
}

/** A request of this operation came back (or was skipped): one fewer in flight. */
export const sent = (run: OperationRun): OperationRun => ({ ...run, inFlight: run.inFlight - 1 });

/** One more request went out for this operation. */
export const counted = (run: OperationRun): OperationRun => ({
  ...run,
  tally: { ...run.tally, requests: run.tally.requests + 1 },
});

/** The item goes back to the front of the queue, not before `waitMs` from `now` (429/503 back-off). */
export function deferred(run: OperationRun, item: QueueItem, waitMs: number, now: number): OperationRun {
  const tally = { ...run.tally, retries: run.tally.retries + 1, retryWaitMs: run.tally.retryWaitMs + waitMs };
  const queue = [{ ...item, attempt: item.attempt + 1 }, ...run.queue];
  return { ...run, queue, notBefore: Math.max(run.notBefore, now + waitMs), tally };
}

/** Records the checks' verdict on an exchange: status and coverage (and a burst's progress); the engine keeps the findings. */
export function judged(run: OperationRun, item: QueueItem, exchange: Exchange, verdict: Verdict): OperationRun {
  if (item.burst) run = burstAnswered(run, exchange.response?.status);
  const { tally } = run;
  const status = exchange.response?.status;
  const whyNot = { ...tally.whyNot };
  for (const u of verdict.unchecked) whyNot[u.check] ??= u.why;
  const newStatus = status !== undefined && !tally.statuses.includes(status);
  const shape = responseShape(exchange);
  const newShape = shape !== undefined && !tally.shapes.includes(shape);
  return {
    ...run,
    exchanges: item.probeBy ? run.exchanges : [...run.exchanges, exchange],
    tally: {
      ...tally,
      statuses: newStatus ? [...tally.statuses, status] : tally.statuses,
      shapes: newShape && tally.shapes.length < SHAPES_KEPT ? [...tally.shapes, shape] : tally.shapes,
      novel: tally.novel + (newStatus ? 1 : 0) + (newShape ? 1 : 0),
      accepted: tally.accepted + (status !== undefined && status >= 200 && status < 300 ? 1 : 0),
      checked: [...tally.checked, ...verdict.checked.filter((id) => !tally.checked.includes(id))],
      whyNot,
      inconclusive: tally.inconclusive + (verdict.inconclusive !== undefined ? 1 : 0),
    },
  };
}

/** Queues probes the checks derived; `asked` is the new count of probes asked per check. */
export function withProbes(
  run: OperationRun,
  probes: ReadonlyArray<{ case: Case; checkId: string }>,
  asked: Readonly<Record<string, number>>,
): OperationRun {
  const queue = [...run.queue, ...probes.map((p): QueueItem => ({ case: p.case, attempt: 1, probeBy: p.checkId }))];
  return { ...run, queue, tally: { ...run.tally, probesBy: asked } };
}

/** The operation is finished: only its deduplicated findings (kept by the caller) outlive it. */
export const finished = (run: OperationRun): OperationRun => ({ ...run, phase: 'done', exchanges: [] });
