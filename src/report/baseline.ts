/**
 * Comparing a run's findings with a baseline (a previous `findings.json`): each finding is `new` or `known`,
 * and baseline findings no longer seen are `fixed`. Findings match on operation + check + cause.
 */
import type { ReportedFinding } from './run-result.ts';

/** What a baseline entry must have to be matched: either the report's `check` or the in-memory `checkId`. */
export interface BaselineEntry {
  operation: string;
  cause: string;
  check?: string;
  checkId?: string;
}

/** The match key of a finding or baseline entry. */
export function baselineKey(f: BaselineEntry): string {
  return JSON.stringify([f.operation, f.checkId ?? f.check ?? '', f.cause]);
}

/** Reads baseline entries from parsed `findings.json` (an array, or `{findings: [...]}`), ignoring malformed ones. */
export function parseBaseline(json: unknown): BaselineEntry[] {
  const list = Array.isArray(json) ? json : (json as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (f): f is BaselineEntry =>
      typeof f?.operation === 'string' &&
      typeof f?.cause === 'string' &&
      (typeof f?.check === 'string' || typeof f?.checkId === 'string'),
  );
}

/** Marks each finding new or known and returns the baseline entries no finding matched (fixed). */
export function compareWithBaseline<B extends BaselineEntry>(
  findings: ReportedFinding[],
  baseline: B[],
): { findings: ReportedFinding[]; fixed: B[] } {
  const known = new Set(baseline.map(baselineKey));
  const current = new Set(findings.map(baselineKey));
  return {
    findings: findings.map((f) => ({ ...f, baseline: known.has(baselineKey(f)) ? 'known' : 'new' })),
    fixed: baseline.filter((b) => !current.has(baselineKey(b))),
  };
}
