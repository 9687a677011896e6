/**
 * Where an operation's cases come from when a worker first reaches it: generated here, or taken from the
 * generation thread (a few operations ahead of the scheduler) when the run uses one. Either way each case is
 * given the run's credentials; a failing thread hands generation back to this thread for good.
 */
import { availableParallelism } from 'node:os';
import type { Case, Plan, PlannedOperation, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import { roundSeed } from '../plan/rounds.ts';
import { stableHash } from '../plan/shard.ts';
import { withLive } from './live.ts';
import type { LivePool } from './live-pool.ts';
import { createGenerationPool, type GenerationPool, type KindResult } from './generation-pool.ts';
import { generateHere, kindsOf, prepareCases, type GenerateCases, type StartAt } from './prepare.ts';

/** An operation's cases in sending order, and why a kind gave none. */
export interface Prepared {
  cases: Case[];
  notes: string[];
}

/** A deepening round: its number and the cases it asks for (`plan/rounds.ts`). */
export interface RoundAsk {
  round: number;
  positive: number;
  negative: number;
  /** Values the API handed out so far, for the round's cases (`live.ts`). */
  live?: LivePool;
  /** The operation never got a 2xx: every field that can take a live value takes one. */
  stuck?: boolean;
  /** Where the round's negative cases start in the ranked violations (the earlier rounds sent those before). */
  negativeFrom?: number;
}

/** Cases now, or later when the thread makes them; with `round`, the cases of that deepening round. */
export type CaseSource = (planned: PlannedOperation, round?: RoundAsk) => Prepared | Promise<Prepared>;

/** What the source needs. */
export interface CaseSourceOptions {
  spec: Spec;
  generate: GenerateCases;
  validator: Validator;
  pool?: GenerationPool;
  /** Gives the run's credentials to the cases of one operation. */
  authorizer(planned: PlannedOperation): (c: Case) => Case;
  /** The run's notes: a thread failure is said once. */
  notes: string[];
}

/** A run's source with its generation thread, when the run uses one: close it when the phase ends. */
export function startCaseSource(o: Omit<CaseSourceOptions, 'pool'> & { plan: Plan; thread: boolean | undefined }): {
  cases: CaseSource;
  fresh: ReturnType<typeof freshCase>;
  close(): Promise<void>;
} {
  const always = o.thread === true;
  const pool = threadWanted(o.plan, o.thread)
    ? createGenerationPool(o.spec, o.plan.operations, kindsOf, { always })
    : undefined;
  const options = { ...o, ...(pool ? { pool } : {}) };
  return { cases: createCaseSource(options), fresh: freshCase(options), close: async () => pool?.close() };
}

/** Creates the source of a run. */
export function createCaseSource(o: CaseSourceOptions): CaseSource {
  let poolFailed = false;
  const here = (planned: PlannedOperation, only?: Case['kind'], start?: StartAt) =>
    generateHere(o.spec, planned, o.generate, o.validator, only, start);
  return (planned, round) => {
    const authorize = o.authorizer(planned);
    if (round) return deepeningCases(planned, round, here, authorize);
    const elsewhere = poolFailed ? undefined : o.pool?.casesFor(planned);
    if (!elsewhere) return prepareCases(here(planned), authorize);
    const regenerate = (kind: Case['kind']): Case[] => here(planned, kind)[0]?.cases ?? [];
    return elsewhere.then(
      (results) => prepareCases(results, authorize, regenerate),
      (error: Error) => {
        if (!poolFailed)
          o.notes.push(`the generation thread failed (${error.message}); cases are generated on the main thread`);
        poolFailed = true;
        return prepareCases(here(planned), authorize);
      },
    );
  };
}

/**
 * A fresh valid case in place of `c`, which a create refused with 409 (a value that must be unique was taken):
 * generated from a seed of its own, so its values differ, with the id `<id of c>/fresh`.
 */
export function freshCase(o: CaseSourceOptions): (planned: PlannedOperation, c: Case) => Case | undefined {
  return (planned, c) => {
    const budget = { example: 0, boundary: 0, positive: 1, negative: 0 };
    const seed = stableHash(`${planned.seed}/${c.id}/fresh`);
    const made = generateHere(o.spec, { ...planned, seed, budget }, o.generate, o.validator)[0]?.cases[0];
    if (!made) return undefined;
    const [fresh] = prepareCases([{ kind: 'positive', cases: [made], problems: [] }], (x) => ({
      ...o.authorizer(planned)(x),
      id: `${c.id}/fresh`,
    })).cases;
    return fresh;
  };
}

/**
 * The cases of a deepening round, generated here from the round's seed, with live values where the pool has
 * some, and ids that name the round (`<operation>/<kind>/r<round>.<n>`) so reports tell them from the plan's.
 */
function deepeningCases(
  planned: PlannedOperation,
  ask: RoundAsk,
  here: (planned: PlannedOperation, only?: Case['kind'], start?: StartAt) => KindResult[],
  authorize: (c: Case) => Case,
): Prepared {
  const budget = { example: 0, boundary: 0, positive: ask.positive, negative: ask.negative };
  const start = { negative: ask.negativeFrom ?? 0 };
  const generated = here({ ...planned, seed: roundSeed(planned.seed, ask.round), budget }, undefined, start);
  const pool = ask.live ?? [];
  const options = { all: ask.stuck ?? false };
  const results = generated.map((r) => ({ ...r, cases: r.cases.map((c) => withLive(c, pool, options)) }));
  const named = (c: Case): Case => {
    const cut = c.id.lastIndexOf('/');
    return { ...authorize(c), id: `${c.id.slice(0, cut)}/r${ask.round}.${c.id.slice(cut + 1)}` };
  };
  return prepareCases(results, named);
}

/**
 * When generation moves to its own thread unasked: plans of at least this many cases (below, the thread's own
 * start-up, about half a second of loading, costs more than the stalls it saves) on machines with at least this
 * many cores. On 2 cores shared with a local target the thread lost: its start-up and its second compilation of
 * the request schemas took more CPU than it freed on the main thread (bench/run.ts --thread on|off).
 */
const THREAD_MIN_CASES = 1000;
const THREAD_MIN_CORES = 4;

/** Whether a run generates on a second thread: `setting` true/false decides, unset leaves it to plan size and cores. */
export function threadWanted(plan: Plan, setting: boolean | undefined, cores = availableParallelism()): boolean {
  if (setting !== undefined) return setting;
  const planned = plan.operations.reduce((n, p) => n + Object.values(p.budget).reduce((a, b) => a + b, 0), 0);
  return planned >= THREAD_MIN_CASES && cores >= THREAD_MIN_CORES;
}
