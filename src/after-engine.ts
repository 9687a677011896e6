/**
 * What follows the exploration of every operation: stateful chains and suites, seeded by what the engine saw
 * (its sent count, accepted creates and statuses per operation). They run between the exploration and the
 * switch operations (`Engine.run`'s `between`), so a chain never meets a maintenance mode the run switched on;
 * their requests count against the run's limits. The callback deliveries the run's requests asked for are
 * collected at the very end (`finish`), after the switches too.
 */
import type { Engine } from './engine.ts';
import type { Exchange, ReportedFinding } from './types.ts';
import type { Validator } from './validate/index.ts';
import type { startCallbackRun } from './webhooks/callback-run.ts';
import { runLaterPhases, type PhasesInput, type PhasesOutcome } from './workflows/phases.ts';

/** How long after the run's requests the callbacks they registered may take to arrive. */
const CALLBACK_TIMEOUT_MS = 5000;

type Later = Omit<PhasesInput, 'sent' | 'stopped' | 'creates' | 'seen'>;
type Callbacks = Awaited<ReturnType<typeof startCallbackRun>>;

/** `between` runs the later phases (once); `finish` gives their outcome with the callback findings as one more group. */
export function afterEngine(
  engine: Engine,
  later: () => Later,
  callbacks: Callbacks,
  validator: Validator,
  toCurl: ((e: Exchange) => string) | undefined,
) {
  let phases: PhasesOutcome = { findings: [], requests: 0 };
  const between = async (): Promise<void> => {
    const tallies = new Map(engine.ops.map((op) => [op.planned.operation.key, op.tally]));
    const seen = (k: string) => tallies.get(k);
    const run = { sent: engine.sent(), stopped: engine.limits.stopped, creates: engine.feedback.creates, seen };
    phases = await runLaterPhases({ ...later(), ...run } as PhasesInput);
    engine.countSent(phases.requests);
  };
  const finish = async (): Promise<PhasesOutcome> => {
    // The wait for deliveries fits in what --max-duration leaves (a job that never delivers cost 5 s past it).
    const delivered = await callbacks?.finish(validator, Math.min(CALLBACK_TIMEOUT_MS, engine.limits.msLeft()));
    if (delivered) later().notes.push(delivered.note);
    const curl = (f: ReportedFinding) => (f.exchange && toCurl ? { ...f, curl: toCurl(f.exchange) } : f);
    return { ...phases, findings: [...phases.findings, (delivered?.findings ?? []).map(curl)] };
  };
  return { between, finish };
}
