/** The check context of one planned operation: made once per run, immutable once handed out. */
import type { Plan, PlannedOperation, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import type { CheckContext } from './check.ts';

/** A context for `planned` with the plan's severity per check (`runChecks` picks each check's own). */
export function operationContext(
  run: { spec: Spec; validator: Validator; plan: Plan; maxResponseTimeMs: number },
  planned: PlannedOperation,
): CheckContext {
  return {
    spec: run.spec,
    validator: run.validator,
    operation: planned.operation,
    seed: planned.seed,
    policy: planned.policy,
    severity: 'error',
    maxResponseTimeMs: run.maxResponseTimeMs,
    severities: Object.fromEntries(run.plan.checks.map((c) => [c.id, c.severity])),
  };
}
