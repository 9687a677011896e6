/**
 * Exploration in rounds, breadth first: round 1 gives every operation the plan's budget (its examples,
 * boundaries and first random cases), then each further round deepens every operation that still has
 * something to learn, with cases from new seeds, until the run's budget is spent. Pure: what a round asks of an
 * operation depends only on what earlier rounds saw, and rounds are separated by a barrier, so the number of
 * workers never changes which cases are made.
 */
import type { Case } from '../types.ts';
import { withCases, type OperationRun } from './operation-run.ts';
import { stableHash } from './shard.ts';

/** Cases per kind a deepening round asks of an operation that learnt nothing new in its last round. */
export const ROUND_CASES = { positive: 6, negative: 6 } as const;

/** Cases per operation a run explores to when it has neither --max-requests nor --max-duration. */
export const DEFAULT_DEPTH = 100;

/** How far a run explores: cases per operation, Infinity when a request or time budget ends the run. */
export function explorationDepth(options: { maxRequests?: number; maxDurationMs?: number; depth?: number }): number {
  if (options.depth !== undefined) return options.depth;
  return options.maxRequests === undefined && options.maxDurationMs === undefined ? DEFAULT_DEPTH : Infinity;
}

/** The seed of an operation's cases in `round` (round 1 keeps the operation's own seed). */
export function roundSeed(operationSeed: number, round: number): number {
  return round <= 1 ? operationSeed : stableHash(`${operationSeed}/round ${round}`);
}

/** Cases generated for an operation so far, every kind together. */
export const generated = (op: OperationRun): number =>
  Object.values(op.tally.casesByKind).reduce((n, k) => n + (k ?? 0), 0);

/**
 * What the next round asks of an operation, or undefined when it is explored enough: it reached `depth`, or its
 * last round gave no request it had not sent already (nothing left to vary), or the rate limit still refused
 * it after the back-off (inconclusive). An operation whose last round
 * brought news (a new status or response shape) gets twice the cases; one with no 2xx yet gets twice the
 * positive cases (the next round's cases carry live values that may get it past 404/422). Negative cases only
 * where the first round could make some.
 */
export function nextAsk(op: OperationRun, depth: number): OperationRun['ask'] {
  const left = depth - generated(op);
  // Still rate limited once its back-off was spent (an inconclusive answer): another round would meet the same
  // limit, wait out its Retry-After at the round's barrier, and judge nothing.
  if (left <= 0 || op.tally.fresh === 0 || op.tally.inconclusive > 0) return undefined;
  const factor = op.tally.novel > 0 ? 2 : 1;
  const positive = ROUND_CASES.positive * factor * (op.tally.accepted === 0 ? 2 : 1);
  const negative = (op.tally.casesByKind.negative ?? 0) > 0 ? ROUND_CASES.negative * factor : 0;
  const scale = Math.min(1, left / (positive + negative));
  // Each round's negatives go further down the ranked violations: restarting at the top would send the same few
  // (missing required fields) round after round and never reach a constraint ranked below the first round's budget.
  const negativeFrom = op.tally.casesByKind.negative ?? 0;
  const ask = { positive: Math.ceil(positive * scale), negative: Math.floor(negative * scale), negativeFrom };
  return ask.positive + ask.negative > 0 ? ask : undefined;
}

/** The operation entering `round` with `ask`: pending again, with this round's counters reset. */
export function startRound(op: OperationRun, round: number, ask: OperationRun['ask']): OperationRun {
  return {
    ...op,
    phase: 'pending',
    round,
    ask,
    exchanges: [],
    tally: { ...op.tally, novel: 0, fresh: 0 },
  };
}

/** Plan cases an operation sends in round 1 when a budget ends the run; the rest wait for round 2. */
export const FIRST_TASTE = 8;
const TASTE_ORDER: ReadonlyArray<Case['kind']> = ['example', 'positive', 'boundary', 'negative'];

/**
 * Breadth first under a budget: round 1 sends a taste of every operation's plan (a few cases, taking the kinds in
 * turn: examples and valid cases first, they reach the core), so a short run reaches every operation; the rest of
 * the plan is held for round 2. Sending order within each part is the plan's.
 */
export function firstTaste(cases: readonly Case[], n = FIRST_TASTE): [Case[], Case[]] {
  if (cases.length <= n) return [[...cases], []];
  const kinds = [...TASTE_ORDER, ...new Set(cases.map((c) => c.kind).filter((k) => !TASTE_ORDER.includes(k)))];
  const byKind = kinds.map((k) => cases.filter((c) => c.kind === k));
  const chosen = new Set<Case>();
  for (let i = 0; chosen.size < n; i++) for (const list of byKind) if (list[i] && chosen.size < n) chosen.add(list[i]!);
  return [cases.filter((c) => chosen.has(c)), cases.filter((c) => !chosen.has(c))];
}

/** Starts `round` for every resting operation with something left to learn (slots replaced); false when none has. */
export function deepen(ops: OperationRun[], round: number, depth: number): boolean {
  let any = false;
  for (const [i, op] of ops.entries()) {
    if (op.phase === 'done' && op.held.length > 0) {
      // The rest of the plan first: its cases are queued as they are (made in round 1, no generation).
      ops[i] = { ...withCases(startRound(op, round, undefined), op.held, []), phase: 'running', held: [] };
      any = true;
      continue;
    }
    const ask = op.phase === 'done' ? nextAsk(op, depth) : undefined;
    if (!ask) continue;
    ops[i] = startRound(op, round, ask);
    any = true;
  }
  return any;
}

/**
 * Switch operations (`planned.last`: maintenance, settings, toggles) sit out the exploration rounds, parked as
 * resting so no round starts or deepens them; they run once after every round of every other operation, so what
 * they turn on cannot spoil a later round's answers.
 */
export function parkSwitches(ops: OperationRun[]): number[] {
  const parked = [...ops.keys()].filter((i) => ops[i]!.planned.last === true);
  for (const i of parked) ops[i] = { ...ops[i]!, phase: 'done' };
  return parked;
}

/** The parked switches, pending again for their one run at the end. */
export function unpark(ops: OperationRun[], parked: readonly number[]): void {
  for (const i of parked) ops[i] = { ...ops[i]!, phase: 'pending' };
}
