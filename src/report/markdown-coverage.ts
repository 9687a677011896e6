/**
 * The coverage part of report.md: per operation which checks had something to check, statuses never seen,
 * operations never reached and why, and the status policies in effect. "0 findings" on a thin spec then
 * reads as "unchecked", never as "conformant".
 */
import { formatStatuses } from '../plan/index.ts';
import type { OperationCoverage, RunResult } from '../types.ts';
import { cell, code } from '../format/markdown.ts';
import { groupBy } from './text.ts';

function reachedTable(reached: OperationCoverage[], total: number): string[] {
  if (reached.length === 0) return [];
  const rows = reached.map((c) => {
    const kinds = Object.entries(c.casesByKind)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const unchecked = c.unchecked.map((u) => `${u.check} (${u.why})`).join('; ');
    return `| ${cell(c.operation, { breaks: ' ' })} | ${c.requests}${kinds ? ` (${kinds})` : ''} | ${c.statusesSeen.join(', ') || '—'} | ${c.statusesNeverSeen.join(', ') || '—'} | ${c.checked.length}/${total} | ${cell(unchecked, { breaks: ' ' }) || '—'} |`;
  });
  return [
    '| Operation | Requests | Statuses seen | Documented, never seen | Checks that judged | Checks with nothing to check |',
    '|---|---|---|---|---|---|',
    ...rows,
  ];
}

function unreachedList(unreached: OperationCoverage[]): string[] {
  if (unreached.length === 0) return [];
  return [
    '',
    `**Not reached (${unreached.length}):** nothing was checked for these operations.`,
    '',
    ...[...groupBy(unreached, (c) => c.reason ?? 'unknown reason')].map(
      ([why, ops]) => `- ${why}: ${ops.map((o) => code(o.operation)).join(', ')}`,
    ),
  ];
}

function vacuousChecks(result: RunResult): string[] {
  const reached = result.coverage.filter((c) => c.reached);
  if (reached.length === 0) return [];
  const never = result.checks.filter((k) => !reached.some((c) => c.checked.includes(k.id))).map((k) => code(k.id));
  return never.length ? ['', `**Checks that judged nothing in this run:** ${never.join(', ')}.`] : [];
}

function policies(result: RunResult): string[] {
  const groups = groupBy(result.coverage, (c) =>
    JSON.stringify([c.policy.rejected, c.policy.accepted, c.policy.source]),
  );
  const lines = [...groups.values()].map((ops) => {
    const p = ops[0]!.policy;
    const which =
      groups.size === 1
        ? 'all operations'
        : ops.length > 4
          ? `${ops.length} operations`
          : ops.map((o) => code(o.operation)).join(', ');
    return `- ${which} (${p.source}): rejected = ${formatStatuses(p.rejected)}; accepted = ${formatStatuses(p.accepted)}`;
  });
  return lines.length
    ? [
        '',
        '### Status policies in effect',
        '',
        'Negative cases pass when the status is in *rejected*; positive cases when it is in *accepted* (or 2xx).',
        '',
        ...lines,
      ]
    : [];
}

/** The "## Coverage" section. */
export function coverageSection(result: RunResult): string {
  const reached = result.coverage.filter((c) => c.reached);
  const unreached = result.coverage.filter((c) => !c.reached);
  return [
    '## Coverage',
    '',
    `${reached.length} of ${result.operationsTotal} operations reached with ${result.requests} requests.`,
    '',
    ...reachedTable(reached, result.checks.length),
    ...unreachedList(unreached),
    ...vacuousChecks(result),
    ...policies(result),
  ].join('\n');
}
