/** A suite-only run (`--suite` without `--fuzz`): the plan keeps its operations for coverage, fuzzes none. */
import type { Plan } from '../types.ts';

/** Why operations are not fuzzed in a suite-only run. */
export const SUITE_ONLY_REASON =
  'not fuzzed: --suite runs only its workflows (add --fuzz to also fuzz every operation)';

/** With suites and no `--fuzz`, the per-operation phase is skipped: every planned operation moves to `skipped`. */
export function suitePlan(plan: Plan, suites: readonly string[], fuzz: boolean): Plan {
  if (suites.length === 0 || fuzz) return plan;
  return {
    ...plan,
    operations: [],
    skipped: [...plan.operations.map((p) => ({ operation: p.operation, reason: SUITE_ONLY_REASON })), ...plan.skipped],
  };
}
