/**
 * The `--suite` part of junit.xml: a testsuite per workflow, a testcase per step. A failed step is a
 * `<failure>` with the criterion that did not hold and where the step is; a step that never ran is `<skipped>`
 * with why, so a CI tab shows the stateful contract step by step.
 */
import type { StepReport, WorkflowReport } from '../types.ts';
import { xmlEscape as x } from '../format/xml.ts';

/** Rendered testsuites plus their totals, for the enclosing `<testsuites>`. */
export interface WorkflowSuites {
  xml: string[];
  tests: number;
  failures: number;
  skipped: number;
}

function testcase(w: WorkflowReport, s: StepReport): string {
  const head = `    <testcase classname="${x(`${w.suite}#${w.workflowId}`)}" name="${x(s.operation ? `${s.stepId} (${s.operation})` : s.stepId)}" time="0"`;
  const why = s.message ?? s.status;
  if (s.status === 'failed') {
    const first = why.split('\n')[0] ?? why;
    return `${head}>\n      <failure message="${x(first)}" type="workflow_step_failed">${x(`${why}\nStep: ${s.location}${s.attempts > 1 ? `\nAttempts: ${s.attempts}` : ''}`)}</failure>\n    </testcase>`;
  }
  if (s.status === 'skipped') return `${head}>\n      <skipped message="${x(why)}"/>\n    </testcase>`;
  return `${head}/>`;
}

/** One testsuite per workflow of the result (none without `--suite`). */
export function workflowSuites(workflows: readonly WorkflowReport[] = []): WorkflowSuites {
  const out: WorkflowSuites = { xml: [], tests: 0, failures: 0, skipped: 0 };
  for (const w of workflows) {
    const failures = w.steps.filter((s) => s.status === 'failed').length;
    const skipped = w.steps.filter((s) => s.status === 'skipped').length;
    out.tests += w.steps.length;
    out.failures += failures;
    out.skipped += skipped;
    out.xml.push(
      [
        `  <testsuite name="${x(`workflow ${w.workflowId} (${w.suite})`)}" tests="${w.steps.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
        `    <properties>\n      <property name="suite" value="${x(w.suite)}"/>\n      <property name="status" value="${x(w.status)}"/>\n    </properties>`,
        ...w.steps.map((s) => testcase(w, s)),
        '  </testsuite>',
      ].join('\n'),
    );
  }
  return out;
}
