/**
 * The operations × checks matrix of report.html: one row per operation (with what was sent and which statuses
 * came back), one cell per check coloured by its verdict, so a reader sees at a glance where drift sits and
 * which ground was never checked.
 */
import type { OperationCoverage, ReportedFinding, RunResult } from '../types.ts';
import { xmlEscape as h } from '../format/xml.ts';
import { groupBy } from './text.ts';

/** A cell's verdict: drift at error or warning level, judged without drift, or not judged at all. */
export type Verdict = 'error' | 'warning' | 'pass' | 'not-run';

/** The matrix as data: the rows are every operation of the result, the columns every check. */
export interface Matrix {
  checks: string[];
  rows: Array<{ operation: string; coverage?: OperationCoverage; cells: Cell[] }>;
}

interface Cell {
  check: string;
  verdict: Verdict;
  findings: number;
  /** Why the check did not judge this operation, when it did not. */
  why?: string;
}

function cellOf(check: string, cov: OperationCoverage | undefined, findings: ReportedFinding[]): Cell {
  const mine = findings.filter((f) => f.checkId === check);
  if (mine.some((f) => f.severity === 'error')) return { check, verdict: 'error', findings: mine.length };
  if (mine.length > 0) return { check, verdict: 'warning', findings: mine.length };
  if (cov?.checked.includes(check)) return { check, verdict: 'pass', findings: 0 };
  const why = !cov
    ? 'no coverage recorded'
    : !cov.reached
      ? `operation not reached: ${cov.reason ?? 'unknown reason'}`
      : (cov.unchecked.find((u) => u.check === check)?.why ?? 'nothing to check');
  return { check, verdict: 'not-run', findings: 0, why };
}

/** Builds the matrix: operations in coverage order (then any only findings name), checks as the run listed them. */
export function buildMatrix(r: RunResult): Matrix {
  const byOp = groupBy(r.findings, (f) => f.operation);
  const operations = [...new Set([...r.coverage.map((c) => c.operation), ...byOp.keys()])];
  const checks = [...new Set([...r.checks.map((c) => c.id), ...r.findings.map((f) => f.checkId)])];
  const rows = operations.map((operation) => {
    const coverage = r.coverage.find((c) => c.operation === operation);
    const findings = byOp.get(operation) ?? [];
    return { operation, ...(coverage && { coverage }), cells: checks.map((c) => cellOf(c, coverage, findings)) };
  });
  return { checks, rows };
}

const MARK: Record<Verdict, string> = { error: '✗', warning: '!', pass: '✓', 'not-run': '·' };

function cellHtml(operation: string, c: Cell): string {
  const label =
    c.verdict === 'error' || c.verdict === 'warning'
      ? `${c.findings} finding${c.findings === 1 ? '' : 's'} (${c.verdict})`
      : c.verdict === 'pass'
        ? 'judged, no drift'
        : `not run: ${c.why}`;
  const text = c.findings > 0 ? `${MARK[c.verdict]}${c.findings}` : MARK[c.verdict];
  return `<td class="v-${c.verdict}" data-verdict="${c.verdict}" data-check="${h(c.check)}" data-operation="${h(operation)}" title="${h(`${c.check}: ${label}`)}">${text}</td>`;
}

function casesText(cov: OperationCoverage | undefined): string {
  if (!cov) return '';
  if (!cov.reached) return `<span class="muted" title="${h(cov.reason ?? '')}">not reached</span>`;
  const kinds = Object.entries(cov.casesByKind)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return `${cov.requests}${kinds ? ` <span class="muted">(${h(kinds)})</span>` : ''}`;
}

function statusesText(cov: OperationCoverage | undefined): string {
  if (!cov) return '';
  const seen = cov.statusesSeen.join(', ') || '—';
  const never = cov.statusesNeverSeen.length
    ? ` <span class="muted">never: ${h(cov.statusesNeverSeen.join(', '))}</span>`
    : '';
  return `${h(seen)}${never}`;
}

/** The matrix as an HTML table. */
export function matrixHtml(m: Matrix): string {
  const head = m.checks.map((c) => `<th class="check" scope="col"><span>${h(c)}</span></th>`).join('');
  const rows = m.rows.map((row) => {
    const id = row.coverage?.operationId;
    return [
      `<tr data-operation="${h(row.operation)}">`,
      `<th scope="row"><code>${h(row.operation)}</code>${id ? ` <span class="muted">${h(id)}</span>` : ''}</th>`,
      `<td class="cov">${casesText(row.coverage)}</td>`,
      `<td class="cov">${statusesText(row.coverage)}</td>`,
      ...row.cells.map((c) => cellHtml(row.operation, c)),
      '</tr>',
    ].join('');
  });
  return [
    '<table id="matrix">',
    `<thead><tr><th scope="col">Operation</th><th scope="col">Cases sent</th><th scope="col">Statuses seen</th>${head}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

/** The legend under the matrix. */
export function legendHtml(): string {
  const items: Array<[Verdict, string]> = [
    ['error', 'error findings'],
    ['warning', 'warnings only'],
    ['pass', 'judged, no drift'],
    ['not-run', 'not run (hover for why)'],
  ];
  return `<p class="legend">${items.map(([v, t]) => `<span class="v-${v}">${MARK[v]}</span> ${t}`).join(' ')}</p>`;
}
