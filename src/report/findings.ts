/**
 * Findings as reported: one per (operation, check, cause), keeping the smallest example and counting how many
 * requests showed it; marked new or known against a baseline (`report/baseline.ts`).
 */
import { findingKey } from './baseline.ts';
import type { Finding, ReportedFinding } from '../types.ts';

/** Size of the request that showed a finding: smaller examples are easier to read and replay. */
function exampleSize(f: Finding): number {
  const c = f.exchange?.case;
  return c ? (c.bodyText?.length ?? 0) + c.query.length + c.path.length : Number.MAX_SAFE_INTEGER;
}

/** Collapses duplicates, keeping the first of the smallest examples, in first-seen order. */
export function dedupeFindings(findings: Finding[]): ReportedFinding[] {
  const byKey = new Map<string, ReportedFinding>();
  for (const f of findings) {
    const key = findingKey(f);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...f, occurrences: 1 });
    else {
      const occurrences = seen.occurrences + 1;
      byKey.set(key, exampleSize(f) < exampleSize(seen) ? { ...f, occurrences } : { ...seen, occurrences });
    }
  }
  return [...byKey.values()];
}

/** 1 when any error-level finding is new (or there is no baseline), else 0. */
export function findingsExitCode(findings: ReportedFinding[]): number {
  return findings.some((f) => f.severity === 'error' && f.baseline !== 'known') ? 1 : 0;
}
