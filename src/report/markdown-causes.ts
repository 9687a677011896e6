/**
 * report.md's findings by root cause: the "Top causes" table it opens with, then the findings as blocks
 * (causes many operations share, stated once; then the rest by operation and check) that report.md keeps
 * while they fit the job-summary budget and details.md takes after.
 */
import type { RunResult } from '../types.ts';
import type { CauseGroup } from './causes.ts';
import { findingSection } from './markdown-finding.ts';
import { cell, code } from '../format/markdown.ts';
import { groupBy } from './text.ts';

const ICON = { error: '❌', warn: '⚠️' } as const;

/** Rows of the "Top causes" table. */
export const TOP_CAUSES = 15;

/** `a`, `b`, `c` and 9 more. */
function operationList(ops: readonly string[], max: number): string {
  const shown = ops.slice(0, max).map(code).join(', ');
  return ops.length > max ? `${shown} and ${ops.length - max} more` : shown;
}

/** The table report.md opens with: the causes that most operations share, errors first. */
export function topCausesTable(groups: readonly CauseGroup[]): string[] {
  if (groups.length === 0) return [];
  const rows = groups
    .slice(0, TOP_CAUSES)
    .map(
      (g) =>
        `| ${ICON[g.severity]} | ${cell(code(g.cause))} | ${code(g.checkId)} | ${g.operations.length} | ${g.findings.length} | ${g.occurrences} | ${cell(operationList(g.operations, 3))} |`,
    );
  const more = groups.length > TOP_CAUSES ? ['', `… and ${groups.length - TOP_CAUSES} more causes below.`] : [];
  return [
    '## Top causes',
    '',
    '| | Cause | Check | Operations | Findings | Requests | Where |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    ...more,
  ];
}

/** A cause several operations share: stated once, with the operations and one example. */
function sharedCauseSection(result: RunResult, g: CauseGroup): string[] {
  const example = g.findings[0]!;
  return [
    `### ${ICON[g.severity]} ${code(g.cause)} · ${code(g.checkId)} · ${g.operations.length} operations, ${g.occurrences} requests`,
    '',
    `Operations: ${operationList(g.operations, 50)}`,
    '',
    `Example from ${code(example.operation)}:`,
    '',
    findingSection(result, example),
  ];
}

/** The findings as Markdown blocks, each whole (a shared cause, or one operation's findings), in reading order. */
export function findingBlocks(r: RunResult, groups: readonly CauseGroup[]): string[] {
  const shared = groups.filter((g) => g.operations.length > 1);
  const blocks = shared.map((g, i) =>
    [...(i === 0 ? ['## Causes shared by several operations', ''] : []), ...sharedCauseSection(r, g)].join('\n'),
  );
  const inShared = new Set(shared.flatMap((g) => g.findings));
  const own = r.findings.filter((f) => !inShared.has(f));
  let first = shared.length > 0;
  for (const [op, list] of groupBy(own, (f) => f.operation)) {
    const id = list[0]!.operationId;
    const out = first ? ['## Findings by operation', ''] : [];
    first = false;
    out.push(`### ${code(op)}${id ? ` (${id})` : ''}`);
    for (const [check, items] of groupBy(list, (f) => f.checkId)) {
      out.push('', `**${check}**`, '');
      for (const f of items) out.push(findingSection(r, f), '');
    }
    blocks.push(out.join('\n'));
  }
  return blocks;
}
