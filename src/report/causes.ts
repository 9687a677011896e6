/**
 * Root causes across operations: findings of one check with one cause (the same undocumented 415, the same
 * "404 instead of 405", the same HTML error page that is not JSON) make one group listing the operations,
 * so a reader sees ten causes rather than six hundred findings.
 */
import type { ReportedFinding } from '../types.ts';
import { causeId } from './baseline.ts';

/** One cause and every operation that showed it. */
export interface CauseGroup {
  /** Stable: a hash of check + cause. */
  id: string;
  checkId: string;
  cause: string;
  /** `error` when any of its findings is an error. */
  severity: 'error' | 'warn';
  /** Operations in first-seen order. */
  operations: string[];
  findings: ReportedFinding[];
  /** Requests that showed it, over all operations. */
  occurrences: number;
}

const rank = (g: CauseGroup): number => (g.severity === 'error' ? 0 : 1);

/** Groups by cause; most telling first: errors, then the causes that most operations share, then most requests. */
export function causeGroups(findings: readonly ReportedFinding[]): CauseGroup[] {
  const byId = new Map<string, CauseGroup>();
  const opsOf = new Map<string, Set<string>>();
  for (const f of findings) {
    const id = causeId(f);
    let g = byId.get(id);
    if (!g) {
      g = {
        id,
        checkId: f.checkId,
        cause: f.cause,
        severity: f.severity,
        operations: [],
        findings: [],
        occurrences: 0,
      };
      byId.set(id, g);
      opsOf.set(id, new Set());
    }
    const ops = opsOf.get(id)!;
    if (!ops.has(f.operation)) ops.add(f.operation), g.operations.push(f.operation);
    g.findings.push(f);
    g.occurrences += f.occurrences;
    if (f.severity === 'error') g.severity = 'error';
  }
  return [...byId.values()]
    .map((g, i) => ({ g, i }))
    .sort(
      (a, b) =>
        rank(a.g) - rank(b.g) ||
        b.g.operations.length - a.g.operations.length ||
        b.g.occurrences - a.g.occurrences ||
        a.i - b.i,
    )
    .map((x) => x.g);
}
