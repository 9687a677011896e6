/**
 * Findings as reported: one per (operation, check, cause), keeping the smallest example and counting how many
 * requests showed it; marked new or known against a baseline `findings.json`.
 */
import { readFile } from 'node:fs/promises';
import { HarnessError } from '../errors.ts';
import type { ReportedFinding } from '../report/run-result.ts';
import type { Finding } from '../types.ts';

/** The dedupe and baseline key of a finding. */
export const findingKey = (f: Pick<Finding, 'operation' | 'checkId' | 'cause'>): string =>
  `${f.operation}\u0000${f.checkId}\u0000${f.cause}`;

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

/** Reads a baseline: a `findings.json` written by a previous run (an array, or an object with `findings`). */
export async function readBaseline(path: string): Promise<ReportedFinding[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new HarnessError('USAGE', `--baseline ${path}: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { findings?: unknown })?.findings;
  if (!Array.isArray(list))
    throw new HarnessError(
      'USAGE',
      `--baseline ${path}: expected a findings.json (an array of findings or {"findings": [...]})`,
    );
  return list.filter(
    (f): f is ReportedFinding =>
      typeof f?.operation === 'string' && typeof f?.checkId === 'string' && typeof f?.cause === 'string',
  );
}

/** Marks each finding new or known, and lists baseline findings no longer seen as fixed. */
export function applyBaseline(
  findings: ReportedFinding[],
  baseline: ReportedFinding[],
): { findings: ReportedFinding[]; fixed: ReportedFinding[] } {
  const known = new Set(baseline.map(findingKey));
  const current = new Set(findings.map(findingKey));
  return {
    findings: findings.map((f) => ({ ...f, baseline: known.has(findingKey(f)) ? 'known' : 'new' })),
    fixed: baseline.filter((f) => !current.has(findingKey(f))),
  };
}

/** 1 when any error-level finding is new (or there is no baseline), else 0. */
export function findingsExitCode(findings: ReportedFinding[]): number {
  return findings.some((f) => f.severity === 'error' && f.baseline !== 'known') ? 1 : 0;
}
