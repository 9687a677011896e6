/**
 * Diff-aware planning (`--changed-since <base>`): a spec PR gets a fast runtime check of what it changes. The
 * plan keeps only the operations the diff from the base touches, every other one is skipped as unchanged,
 * and each breaking change becomes a `breaking_change` finding on its operation, so the PR report shows the
 * contract break and the runtime drift of one operation side by side. Pure: both Specs are already loaded.
 */
import { diffSpecs, type Change } from '../diff/index.ts';
import { unchangedPlaces } from '../diff/unchanged.ts';
import type { ChangeScope, SpecChangeReport, Plan, Finding, Operation, Spec } from '../types.ts';

/** Check id of the findings made from breaking changes. */
export const BREAKING_CHANGE = 'breaking_change';

/** The reason an operation the diff does not touch is left out. */
export const unchangedReason = (base: string): string => `unchanged since ${base} (--changed-since)`;

/**
 * Operations the diff touches: named by a classified change, or changed as text through every `$ref` (an
 * example or description edit changes the cases sent, though no rule calls it a contract change). A change
 * naming no operation is document-wide, so it touches all.
 */
export function touchedOperations(base: Spec, head: Spec, changes: readonly Change[]): Set<string> {
  if (changes.some((c) => c.operation === '')) return new Set(head.operations.map((op) => op.key));
  const touched = new Set(changes.map((c) => c.operation));
  const unchanged = unchangedPlaces(base, head);
  for (const op of head.operations)
    if (!touched.has(op.key) && !sameOperation(op, base, head, unchanged)) touched.add(op.key);
  return touched;
}

function sameOperation(op: Operation, base: Spec, head: Spec, unchanged: (pointer: string) => boolean): boolean {
  if (!unchanged(op.pointer)) return false;
  // Path Item parameters apply to the operation too.
  const shared = `${op.pointer.slice(0, op.pointer.lastIndexOf('/'))}/parameters`;
  const present = base.get(shared) !== undefined || head.get(shared) !== undefined;
  return !present || unchanged(shared);
}

/** Narrows `plan` to the touched operations; returns the narrowed plan and the scope the report shows. */
export function scopeToChanges(plan: Plan, base: Spec, head: Spec): { plan: Plan; scope: ChangeScope } {
  const { changes } = diffSpecs(base, head);
  const touched = touchedOperations(base, head, changes);
  const keep = plan.operations.filter((p) => touched.has(p.operation.key));
  const drop = plan.operations.filter((p) => !touched.has(p.operation.key));
  const byKey = new Map(head.operations.map((op) => [op.key, op]));
  const scope: ChangeScope = {
    base: base.source,
    changes: changes.map((c) => changeReport(c, byKey.get(c.operation))),
    touched: keep.map((p) => p.operation.key),
    unchanged: drop.map((p) => p.operation.key),
  };
  const reason = unchangedReason(base.source);
  return {
    plan: {
      ...plan,
      operations: keep,
      skipped: [...plan.skipped, ...drop.map((p) => ({ operation: p.operation, reason }))],
    },
    scope,
  };
}

function changeReport(c: Change, op: Operation | undefined): SpecChangeReport {
  // A removed operation only exists in the base: point there.
  const site = op ? c.head : c.base;
  return {
    rule: c.rule,
    kind: c.kind,
    operation: c.operation,
    message: c.message,
    location: { file: site.file, line: site.line, column: 1, pointer: op?.pointer ?? '' },
  };
}

/** One error finding per breaking change, on its operation, located in the spec under test (the base, when removed). */
export function breakingFindings(scope: ChangeScope, head: Spec, seed: number): Finding[] {
  const byKey = new Map(head.operations.map((op) => [op.key, op]));
  return scope.changes
    .filter((c) => c.kind === 'breaking')
    .map((c) => {
      const op = byKey.get(c.operation);
      const f: Finding = {
        checkId: BREAKING_CHANGE,
        severity: 'error',
        operation: c.operation || 'DOCUMENT',
        message: `Breaking change since ${scope.base} (${c.rule})\n${c.message}`,
        cause: `${c.rule}: ${c.message}`,
        specLocation: c.location,
        seed,
      };
      if (op?.operationId) f.operationId = op.operationId;
      return f;
    });
}
