/** Folds the suite phase into the run's result: reached operations, statuses, workflows, a change scope. */
import type { ChangeScope, RunResult, Spec } from '../types.ts';
import type { SuiteOutcome } from '../workflows/suite-phase.ts';
import { statusesNeverSeen } from './coverage.ts';

/**
 * The result with the later phases folded in: operations the suites called count as reached, the workflows
 * are listed, and a `--changed-since` scope is attached.
 */
export function withSuites(
  result: RunResult,
  outcome: SuiteOutcome | undefined,
  spec: Spec,
  scope?: ChangeScope,
): RunResult {
  if (!outcome) return scope ? { ...result, changeScope: scope } : result;
  const byKey = new Map(spec.operations.map((op) => [op.key, op]));
  const coverage = result.coverage.map((c) => {
    const hit = outcome.reached.get(c.operation);
    const op = byKey.get(c.operation);
    if (!hit || !op) return c;
    const statuses = new Set([...(c.reached ? c.statusesSeen : []), ...hit.statuses]);
    const checked = [...new Set([...(c.reached ? c.checked : []), ...outcome.checks])];
    const { reason: _unreached, ...rest } = c;
    return {
      ...rest,
      reached: true,
      requests: (c.reached ? c.requests : 0) + hit.requests,
      statusesSeen: [...statuses].sort((a, b) => a - b),
      statusesNeverSeen: statusesNeverSeen(op, statuses),
      checked,
      unchecked: c.reached ? c.unchecked.filter((u) => !checked.includes(u.check)) : [],
    };
  });
  return {
    ...result,
    coverage,
    operationsReached: coverage.filter((c) => c.reached).length,
    workflows: outcome.workflows,
    ...(scope ? { changeScope: scope } : {}),
  };
}
