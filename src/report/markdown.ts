/**
 * `report.md`: reads like a good PR comment. A verdict line and summary table first, then findings grouped
 * by operation and check (each with the spec location, what was sent, what came back, curl and replay
 * command), then coverage, so a reader sees what was checked as clearly as what failed.
 */
import { causeGroups, type CauseGroup } from './causes.ts';
import { sharedCauseSection, topCausesTable } from './markdown-causes.ts';
import { coverageSection } from './markdown-coverage.ts';
import { changesSection, verdictPolicySection, workflowsSection } from './markdown-extras.ts';
import { findingSection } from './markdown-finding.ts';
import type { RunResult } from '../types.ts';
import { safeResult } from './safe.ts';
import { cell, code } from '../format/markdown.ts';
import { groupBy } from './text.ts';

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

function findingsSection(r: RunResult, groups: readonly CauseGroup[]): string[] {
  if (r.findings.length === 0) return [];
  const out = ['## Findings'];
  const shared = groups.filter((g) => g.operations.length > 1);
  if (shared.length > 0) out.push('', '## Causes shared by several operations');
  for (const g of shared) out.push('', ...sharedCauseSection(r, g));
  const inShared = new Set(shared.flatMap((g) => g.findings));
  const own = r.findings.filter((f) => !inShared.has(f));
  if (shared.length > 0 && own.length > 0) out.push('', '## Findings by operation');
  for (const [op, list] of groupBy(own, (f) => f.operation)) {
    const id = list[0]!.operationId;
    out.push('', `### ${code(op)}${id ? ` (${id})` : ''}`);
    for (const [check, items] of groupBy(list, (f) => f.checkId)) {
      out.push('', `**${check}**`, '');
      for (const f of items) out.push(findingSection(r, f), '');
    }
  }
  return out;
}

function fixedSection(r: RunResult): string[] {
  if (r.fixed.length === 0) return [];
  return ['## Fixed since the baseline', '', ...r.fixed.map((f) => `- ${code(f.operation)} ${f.checkId}: ${f.cause}`)];
}

/** Renders report.md. */
export function reportMarkdown(result: RunResult): string {
  const r = safeResult(result);
  const groups = causeGroups(r.findings);
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
    ...findingsSection(r, groups),
    ...(r.findings.length ? [''] : []),
    ...fixedSection(r),
    ...(r.fixed.length ? [''] : []),
    ...workflowsSection(r.workflows),
    ...(r.workflows?.length ? [''] : []),
    ...verdictPolicySection(r),
    ...(r.verdictPolicy?.length ? [''] : []),
    coverageSection(r),
  ];
  if (r.notes.length > 0) parts.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  return parts.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

export default {
  id: 'markdown',
  description: 'Markdown report: summary, findings with repro, coverage, policies.',
  filename: 'report.md',
  run: reportMarkdown,
};
