/**
 * The exploration loop of the per-operation phase: round after round (`plan/rounds.ts`) until the budget is spent
 * or nothing is left to learn, then what the rounds carried over (operations still behind a 429 back-off: one
 * rate-limited operation must not idle every worker at each round's end). The parked switches run later, after
 * the stateful chains (`engine.ts`). Each round ends at a barrier where the run's feedback absorbs what finished
 * operations saw.
 */
import type { Feedback } from './feedback.ts';
import type { OperationRun } from './plan/operation-run.ts';
import { deepen, parkSwitches } from './plan/rounds.ts';
import type { RunLimits } from './send/interceptors/index.ts';
import { runWorkers, type Steps } from './workers.ts';

/** What the loop needs from the engine. */
export interface Exploration {
  workers: number;
  depth: number;
  limits: RunLimits;
  feedback: Feedback;
  /** The engine's steps, stopping when `stopped` says so; `carry` for the exploration rounds. */
  steps(stopped: () => boolean, carry: boolean): Steps;
}

/** Runs the rounds and the carried-over work; returns the parked switches (still resting, unreached). */
export async function explore(ops: OperationRun[], x: Exploration): Promise<number[]> {
  const parked = parkSwitches(ops);
  let round = 1;
  // Past the exploration limit a deepening round stops sending; round 1 (the plan) runs to the hard limit.
  const stopped = (): boolean => x.limits.stopped() || (round > 1 && !x.limits.exploring());
  const pass = async (carry: boolean): Promise<boolean> => {
    await runWorkers(ops, x.workers, x.steps(stopped, carry));
    x.feedback.absorb(ops);
    return !stopped() && x.limits.exploring();
  };
  for (; ; round++) {
    if (!(await pass(true))) break;
    if (deepen(ops, round + 1, x.depth)) continue;
    // Only work behind a back-off clock is left: wait for it, then see whether those operations go deeper.
    if (!ops.some(carried) || !(await pass(false)) || !deepen(ops, round + 1, x.depth)) break;
  }
  // Work carried past the last round finishes now; once the run stopped it is dropped, nothing is sent.
  if (ops.some(carried)) await pass(false);
  return parked;
}

const carried = (op: OperationRun): boolean => op.phase === 'running';
