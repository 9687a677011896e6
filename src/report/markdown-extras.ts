/**
 * The optional sections of report.md: the spec changes of a `--changed-since` run (what changed, what was
 * run because of it and what was left out as unchanged), the workflows of `--suite` runs, step by step, and
 * the verdict policy.
 */
import type { ChangeScope, RunResult, WorkflowReport } from '../types.ts';
import { cell, code, fence } from '../format/markdown.ts';

const KIND_ICON = { breaking: '❌', 'non-breaking': '⚠️', info: 'ℹ️' } as const;
const STATUS_ICON = { passed: '✅', failed: '❌', skipped: '⏭️' } as const;

/** "## Spec changes since <base>": every change, worst first; breaking ones are also findings above. */
export function changesSection(scope: ChangeScope | undefined): string[] {
  if (!scope) return [];
  const n = (k: string) => scope.changes.filter((c) => c.kind === k).length;
  const out = [
    `## Spec changes since ${code(scope.base)}`,
    '',
    `${n('breaking')} breaking, ${n('non-breaking')} non-breaking, ${n('info')} info. ${scope.touched.length} operation(s) touched and run; ${scope.unchanged.length} unchanged and not run (see Coverage). Breaking changes are also \`breaking_change\` findings under their operation.`,
  ];
  if (scope.changes.length === 0) return out;
  out.push('', '| | Operation | Rule | Change | Where |', '|---|---|---|---|---|');
  for (const c of scope.changes) {
    out.push(
      `| ${KIND_ICON[c.kind]} ${c.kind} | ${cell(code(c.operation || 'document'), { breaks: ' ' })} | ${code(c.rule)} | ${cell(c.message, { breaks: ' ' })} | ${cell(code(`${c.location.file}:${c.location.line}`), { breaks: ' ' })} |`,
    );
  }
  return out;
}

/** "## Suites": a line per workflow, and for each failed step what did not hold and where the step is. */
export function workflowsSection(workflows: readonly WorkflowReport[] | undefined): string[] {
  if (!workflows || workflows.length === 0) return [];
  const out = ['## Suites', '', '| Workflow | Suite | Status | Steps passed |', '|---|---|---|---|'];
  for (const w of workflows) {
    const passed = w.steps.filter((s) => s.status === 'passed').length;
    out.push(
      `| ${code(w.workflowId)} | ${cell(w.suite, { breaks: ' ' })} | ${STATUS_ICON[w.status]} ${w.status} | ${passed}/${w.steps.length} |`,
    );
  }
  for (const w of workflows.filter((x) => x.status !== 'passed')) {
    out.push(
      '',
      `### ${STATUS_ICON[w.status]} ${code(w.workflowId)} ${w.status}${w.message && w.status === 'skipped' ? `: ${w.message}` : ''}`,
    );
    for (const s of w.steps.filter((x) => x.status === 'failed')) {
      out.push(
        '',
        `**${code(s.stepId)}**${s.operation ? ` (${code(s.operation)})` : ''} failed at ${code(s.location)}${s.attempts > 1 ? ` after ${s.attempts} attempts` : ''}:`,
        '',
        fence(s.message ?? 'failed'),
      );
    }
    const skipped = w.steps.filter((x) => x.status === 'skipped');
    if (skipped.length > 0)
      out.push('', `Not run: ${skipped.map((s) => code(s.stepId)).join(', ')} (${skipped[0]!.message ?? 'skipped'}).`);
  }
  return out;
}

/** The rules that decided verdicts, and how many answers spoke to none (429, 503 after the back-off). */
export function verdictPolicySection(r: RunResult): string[] {
  if (!r.verdictPolicy?.length) return [];
  const n = r.inconclusive ?? 0;
  return [
    '## Verdict policy',
    '',
    `${n} answer${n === 1 ? '' : 's'} inconclusive (judged by no check).`,
    '',
    ...r.verdictPolicy.map((v) => `- ${code(v.id)}: ${v.rule}`),
  ];
}
