/**
 * `report.md`: reads like a good PR comment. A verdict line and summary table first, then findings grouped
 * by operation and check (each with the spec location, what was sent, what came back, curl and replay
 * command), then coverage, so a reader sees what was checked as clearly as what failed.
 */
import { causeGroups } from './causes.ts';
import { findingBlocks, topCausesTable } from './markdown-causes.ts';
import { coverageSection } from './markdown-coverage.ts';
import { changesSection, verdictPolicySection, workflowsSection } from './markdown-extras.ts';
import type { ReportedFinding, RunResult } from '../types.ts';
import { safeResult } from './safe.ts';
import { cell, code } from '../format/markdown.ts';

function verdict(r: RunResult): string {
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warns = r.findings.length - errors;
  const unchecked = r.operationsTotal - r.operationsReached;
  const scope = `${r.operationsReached}/${r.operationsTotal} operations reached${unchecked > 0 ? `, ${unchecked} unchecked` : ''}`;
  if (r.findings.length === 0)
    return `✅ **No drift found in what was checked** (${scope}; see Coverage for what was not).`;
  return `${errors > 0 ? '❌' : '⚠️'} **${errors} error${errors === 1 ? '' : 's'}, ${warns} warning${warns === 1 ? '' : 's'}** (${scope}).`;
}

function summaryTable(r: RunResult): string[] {
  const kinds = Object.entries(r.casesByKind)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const baseline =
    r.findings.some((f) => f.baseline) || r.fixed.length > 0
      ? [
          `| Baseline | ${r.findings.filter((f) => f.baseline === 'new').length} new, ${r.findings.filter((f) => f.baseline === 'known').length} known, ${r.fixed.length} fixed |`,
        ]
      : [];
  return [
    '| | |',
    '|---|---|',
    `| Target | ${cell(r.target, { breaks: ' ' })} |`,
    `| Spec | ${cell(r.specSource, { breaks: ' ' })} (sha256 ${code(r.specSha256.slice(0, 12))}) |`,
    `| Seed | ${code(String(r.seed))} |`,
    `| Duration | ${(r.durationMs / 1000).toFixed(1)} s (${r.start} → ${r.end}) |`,
    `| Operations | ${r.operationsReached} reached of ${r.operationsTotal} |`,
    `| Requests | ${r.requests}${kinds ? ` (${kinds})` : ''} |`,
    ...baseline,
    `| Exit code | ${r.exitCode} |`,
  ];
}

function checkTable(r: RunResult): string[] {
  const rows = r.checks.map((c) => {
    const mine = r.findings.filter((f) => f.checkId === c.id);
    const n = (s: string) => mine.filter((f) => f.severity === s).length;
    const judged = r.coverage.filter((o) => o.checked.includes(c.id)).length;
    return `| ${code(c.id)} | ${n('error') || '·'} | ${n('warn') || '·'} | ${judged} | ${c.severity} |`;
  });
  return ['| Check | Errors | Warnings | Operations judged | Severity |', '|---|---|---|---|---|', ...rows];
}

function fixedSection(fixed: readonly ReportedFinding[]): string[] {
  if (fixed.length === 0) return [];
  return [
    '## Fixed since the baseline',
    '',
    ...fixed.map((f) => `- ${code(f.operation)} ${f.checkId}: ${f.cause}`),
    '',
  ];
}

/**
 * GitHub refuses a job summary over 1 MiB, and report.md is the Action's job summary: it keeps the head (top
 * causes, counts, policy) and as many findings as fit these budgets; the rest goes to details.md, linked.
 */
export const BUDGET = { findings: 600 * 1024, coverage: 150 * 1024, listed: 100 } as const;

/** Splits whole blocks at the budget: those that fit, and the rest. */
function fit(blocks: readonly string[], budget: number): [string[], string[]] {
  let used = 0;
  const at = blocks.findIndex((b) => (used += Buffer.byteLength(b) + 2) > budget);
  return at < 0 ? [[...blocks], []] : [blocks.slice(0, at), blocks.slice(at)];
}

const more = (what: string) => [`> ${what} in [details.md](details.md).`];

/** report.md and details.md (empty when report.md holds everything), rendered once per result. */
function render(result: RunResult): { report: string; details: string } {
  const r = safeResult(result);
  const groups = causeGroups(r.findings);
  const [shown, rest] = fit(findingBlocks(r, groups), BUDGET.findings);
  const coverage = coverageSection(r);
  const coverageFits = Buffer.byteLength(coverage) <= BUDGET.coverage;
  const [fixedShown, fixedRest] = [
    fixedSection(r.fixed.slice(0, BUDGET.listed)),
    fixedSection(r.fixed.slice(BUDGET.listed)),
  ];
  const notes = r.notes.map((n) => `- ${n}`);
  const parts = [
    '# specgate run report',
    '',
    verdict(r),
    '',
    ...summaryTable(r),
    '',
    ...topCausesTable(groups),
    '',
    ...checkTable(r),
    '',
    ...changesSection(r.changeScope),
    ...(r.changeScope ? [''] : []),
    ...(shown.length ? ['## Findings', '', ...shown.flatMap((b) => [b, ''])] : []),
    ...(rest.length ? more(`${rest.length} more finding sections (of ${shown.length + rest.length}) are`) : []),
    ...fixedShown,
    ...(fixedRest.length ? ['', ...more(`${r.fixed.length - BUDGET.listed} more fixed findings are`)] : []),
    ...workflowsSection(r.workflows),
    ...(r.workflows?.length ? [''] : []),
    ...verdictPolicySection(r),
    ...(r.verdictPolicy?.length ? [''] : []),
    ...(coverageFits ? [coverage] : ['## Coverage', '', ...more(`Coverage of ${r.coverage.length} operations is`)]),
  ];
  if (notes.length > 0) parts.push('', '## Notes', '', ...notes.slice(0, BUDGET.listed));
  if (notes.length > BUDGET.listed) parts.push('', ...more(`${notes.length - BUDGET.listed} more notes are`));
  const detail = [
    ...(rest.length ? ['## Findings (continued)', '', ...rest.flatMap((b) => [b, ''])] : []),
    ...(fixedRest.length ? fixedRest : []),
    ...(coverageFits ? [] : ['', coverage]),
    ...(notes.length > BUDGET.listed ? ['', '## Notes (continued)', '', ...notes.slice(BUDGET.listed)] : []),
  ];
  const details = detail.length
    ? tidy(['# specgate run report: details', '', `Continues [report.md](report.md).`, '', ...detail])
    : '';
  return { report: tidy(parts), details };
}

function tidy(lines: readonly string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

const rendered = new WeakMap<RunResult, { report: string; details: string }>();

/** Both files come from one rendering (the two reporters are handed the same result). */
function renderOnce(result: RunResult): { report: string; details: string } {
  let out = rendered.get(result);
  if (!out) rendered.set(result, (out = render(result)));
  return out;
}

/** Renders report.md. */
export function reportMarkdown(result: RunResult): string {
  return renderOnce(result).report;
}

/** Renders details.md: what did not fit report.md; '' when everything did (the file is then not written). */
export function detailsMarkdown(result: RunResult): string {
  return renderOnce(result).details;
}

export default {
  id: 'markdown',
  description: 'Markdown report: summary, findings with repro, coverage, policies.',
  filename: 'report.md',
  run: reportMarkdown,
};

/** details.md, linked from report.md when report.md had to leave findings, coverage or notes out. */
export const details = {
  id: 'markdown-details',
  description: 'What did not fit report.md (kept under the 1 MiB job-summary limit).',
  filename: 'details.md',
  run: detailsMarkdown,
};
