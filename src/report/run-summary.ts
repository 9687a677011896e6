/** The terminal summary of a run: what ran, what was found, where the reports are. Pure text from a RunResult. */
import type { RunResult } from '../types.ts';

/** A fixed-width table: operations, requests, then findings by check and severity. */
export function formatSummary(result: RunResult, reportPath?: string): string {
  const lines: string[] = [];
  const byCheck = new Map<string, { error: number; warn: number; occurrences: number }>();
  for (const f of result.findings) {
    const row = byCheck.get(f.checkId) ?? { error: 0, warn: 0, occurrences: 0 };
    row[f.severity]++;
    row.occurrences += f.occurrences;
    byCheck.set(f.checkId, row);
  }
  const kinds = Object.entries(result.casesByKind)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  lines.push(
    `Target      ${result.target}`,
    `Spec        ${result.specSource}`,
    `Seed        ${result.seed}   (rerun with --seed ${result.seed})`,
    `Operations  ${result.operationsReached} reached of ${result.operationsTotal}`,
    `Requests    ${result.requests} in ${(result.durationMs / 1000).toFixed(1)} s (${kinds || 'no cases'})`,
    '',
  );
  if (byCheck.size === 0) lines.push('No findings.');
  else {
    const width = Math.max(5, ...[...byCheck.keys()].map((k) => k.length));
    lines.push(`${'Check'.padEnd(width)}  errors  warnings  requests`);
    for (const [id, row] of byCheck) {
      lines.push(
        `${id.padEnd(width)}  ${String(row.error).padStart(6)}  ${String(row.warn).padStart(8)}  ${String(row.occurrences).padStart(8)}`,
      );
    }
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const fresh = result.findings.filter((f) => f.baseline === 'new').length;
    lines.push(
      '',
      `${result.findings.length} distinct finding(s), ${errors} error-level${result.findings.some((f) => f.baseline) ? `, ${fresh} new against the baseline` : ''}.`,
    );
  }
  if (result.fixed.length > 0) lines.push(`${result.fixed.length} baseline finding(s) no longer seen (fixed).`);
  if (result.notes.length > 0)
    lines.push(
      '',
      'Notes:',
      ...result.notes.slice(0, 5).map((n) => `  - ${n}`),
      ...(result.notes.length > 5 ? [`  ... ${result.notes.length - 5} more in the report`] : []),
    );
  if (reportPath) lines.push('', `Report: ${reportPath}`);
  return lines.join('\n') + '\n';
}
