/** Coverage per operation: what was sent, which statuses came back, which checks had something to judge. */
import type { OperationCoverage, PlannedOperation, JsonObject, Operation, SourceLocation, Spec } from '../types.ts';
import type { Check } from '../check/check.ts';

import type { OperationRun } from '../plan/operation-run.ts';
import { defaultPolicy } from '../plan/index.ts';

/** Documented response keys (`200`, `4XX`) no seen status matches; `default` is never listed. */
export function statusesNeverSeen(operation: Operation, seen: Set<number>): string[] {
  const responses = (operation.object.responses ?? {}) as JsonObject;
  return Object.keys(responses).filter((key) => {
    if (/^\d{3}$/.test(key)) return !seen.has(Number(key));
    if (/^[1-5]XX$/i.test(key)) return ![...seen].some((s) => Math.floor(s / 100) === Number(key[0]));
    return false;
  });
}

// Coverage is rebuilt at every partial report write: locate each operation once, not once per write.
const located = new WeakMap<Operation, SourceLocation>();

function locateOperation(spec: Spec, op: Operation): SourceLocation {
  let loc = located.get(op);
  if (!loc) located.set(op, (loc = spec.locate(op.pointer)));
  return { ...loc };
}

/** Coverage of an operation that ran (fully or until the run stopped). */
export function coverageOf(state: OperationRun, checks: readonly Check[], spec: Spec): OperationCoverage {
  const op = state.planned.operation;
  const { tally } = state;
  const seen = new Set(tally.statuses);
  const checked: string[] = [];
  const unchecked: OperationCoverage['unchecked'] = [];
  for (const check of checks) {
    const id = check.id;
    if (tally.checked.includes(id)) checked.push(id);
    else if (check.kind === 'probe' && !(id in tally.probesBy))
      unchecked.push({ check: id, why: 'no valid case got a response to derive a probe from' });
    else
      unchecked.push({
        check: id,
        why: tally.whyNot[id] ?? (seen.size === 0 ? 'no HTTP response was received' : 'no exchange reached this check'),
      });
  }
  return {
    operation: op.key,
    ...(op.operationId !== undefined ? { operationId: op.operationId } : {}),
    reached: tally.requests > 0,
    ...(tally.requests === 0 ? { reason: reasonUnreached(state) } : {}),
    requests: tally.requests,
    casesByKind: tally.casesByKind,
    statusesSeen: [...seen].sort((a, b) => a - b),
    statusesNeverSeen: statusesNeverSeen(op, seen),
    checked,
    unchecked,
    ...(tally.inconclusive > 0 ? { inconclusive: tally.inconclusive } : {}),
    policy: state.planned.policy,
    specLocation: locateOperation(spec, op),
  };
}

function reasonUnreached(state: OperationRun): string {
  if (state.tally.notes.length > 0) return state.tally.notes.join('; ');
  if (state.phase === 'pending') return 'not reached: the run stopped first (limit or interrupt)';
  return 'no case could be generated';
}

/** Coverage of an operation the plan left out, or one never started. */
export function unreachedCoverage(
  operation: Operation,
  reason: string,
  spec: Spec,
  planned?: PlannedOperation,
): OperationCoverage {
  return {
    operation: operation.key,
    ...(operation.operationId !== undefined ? { operationId: operation.operationId } : {}),
    reached: false,
    reason,
    requests: 0,
    casesByKind: {},
    statusesSeen: [],
    statusesNeverSeen: statusesNeverSeen(operation, new Set()),
    checked: [],
    unchecked: [],
    policy: planned?.policy ?? defaultPolicy(operation),
    specLocation: locateOperation(spec, operation),
  };
}
