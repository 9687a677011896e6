/** Which workflows of a suite run, in which order, with which inputs. */
import { HarnessError } from '../errors.ts';
import type { Suite, Workflow } from './suite-types.ts';

/** Workflows to run (the selected ones plus their dependencies), dependencies first. */
export function ordered(suite: Suite, only?: string[]): Workflow[] {
  const byId = new Map(suite.workflows.map((w) => [w.workflowId, w]));
  const out: Workflow[] = [];
  const visiting = new Set<string>();
  const visit = (w: Workflow) => {
    if (out.includes(w)) return;
    if (visiting.has(w.workflowId))
      throw new HarnessError('SUITE_INVALID', `dependsOn cycle through ${w.workflowId}`, suite.where(w.pointer));
    visiting.add(w.workflowId);
    for (const d of w.dependsOn) visit(byId.get(d)!);
    out.push(w);
  };
  // A workflow another one calls as a step (or goto) is a subroutine: it runs through its caller only.
  const called = new Set(
    suite.workflows.flatMap((w) =>
      w.steps.flatMap((s) => [s.workflowId, ...[...s.onSuccess, ...s.onFailure].map((a) => a.workflowId)]),
    ),
  );
  const selected =
    only && only.length > 0
      ? only.map((id) => byId.get(id) ?? unknownWorkflow(suite, id))
      : suite.workflows.filter((w) => !called.has(w.workflowId));
  selected.forEach(visit);
  return out;
}

function unknownWorkflow(suite: Suite, id: string): never {
  throw new HarnessError(
    'USAGE',
    `no workflow "${id}" in ${suite.file} (have: ${suite.workflows.map((w) => w.workflowId).join(', ')})`,
  );
}

/**
 * Defaults of the workflow's `inputs` schema, overridden by the given values, plus `specgateRunId`: a value
 * unique to this run, so suites can make Idempotency-Keys, tags and names that do not collide across runs.
 */
export function inputsFor(w: Workflow, given: Record<string, unknown>, runId: string): Record<string, unknown> {
  const props = (w.inputs?.properties ?? {}) as Record<string, { default?: unknown }>;
  const defaults = Object.fromEntries(
    Object.entries(props)
      .filter(([, s]) => s && 'default' in s)
      .map(([k, s]) => [k, s.default]),
  );
  return { specgateRunId: runId, ...defaults, ...given };
}
