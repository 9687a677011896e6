/**
 * Findings as reported: one per (operation, check, cause), keeping the smallest example and counting how many
 * requests showed it; marked new or known against a baseline (`report/baseline.ts`).
 */
import { findingKey } from './baseline.ts';
import type { Finding, ReportedFinding } from '../types.ts';

/** Size of the request that showed a finding: smaller examples are easier to read and replay. */
export function exampleSize(f: Finding): number {
  const c = f.exchange?.case;
  return c ? (c.bodyText?.length ?? 0) + c.query.length + c.path.length : Number.MAX_SAFE_INTEGER;
}

/** Details kept as examples per finding; `detailCount` still counts them all. */
export const DETAIL_EXAMPLES = 20;

/**
 * Collapses duplicates, keeping the first of the smallest examples, in first-seen order; the `details` of
 * all of them (say, random undeclared property names) are counted and the first few kept as examples.
 */
export function dedupeFindings(findings: Finding[]): ReportedFinding[] {
  const byKey = new Map<string, ReportedFinding>();
  const detailsOf = new Map<string, Set<string>>();
  for (const f of findings) {
    const key = findingKey(f);
    const seen = byKey.get(key);
    if (f.details) {
      let all = detailsOf.get(key);
      if (!all) detailsOf.set(key, (all = new Set()));
      for (const d of f.details) all.add(d);
    }
    if (!seen) byKey.set(key, { ...f, occurrences: 1 });
    else {
      const occurrences = seen.occurrences + 1;
      byKey.set(key, exampleSize(f) < exampleSize(seen) ? { ...f, occurrences } : { ...seen, occurrences });
    }
  }
  return [...byKey].map(([key, f]) => {
    const all = detailsOf.get(key);
    return all ? { ...f, details: [...all].slice(0, DETAIL_EXAMPLES), detailCount: all.size } : f;
  });
}

/**
 * The findings of a later phase (stateful chains, suites) with those the run already reported for the same
 * (operation, check, cause) folded into that finding (its occurrences grow, `reported` is updated in place):
 * a chain meeting the drift the exploration found is one more occurrence, not a second finding.
 */
export function foldInto(reported: ReportedFinding[][], later: readonly ReportedFinding[][]): ReportedFinding[][] {
  const at = new Map<string, [number, number]>();
  reported.forEach((list, i) => list.forEach((f, j) => at.set(findingKey(f), [i, j])));
  return later.map((list) =>
    list.filter((f) => {
      const where = at.get(findingKey(f));
      if (!where) return true;
      const [i, j] = where;
      const seen = reported[i]![j]!;
      reported[i]![j] = { ...seen, occurrences: seen.occurrences + f.occurrences };
      return false;
    }),
  );
}

/** 1 when any error-level finding is new (or there is no baseline), else 0. */
export function findingsExitCode(findings: ReportedFinding[]): number {
  return findings.some((f) => f.severity === 'error' && f.baseline !== 'known') ? 1 : 0;
}
