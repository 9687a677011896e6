/** `summary.json`: the run in numbers, for dashboards and trend lines. Field names are documented in README.md. */
import type { RunResult } from '../types.ts';

/** Renders summary.json. */
export function summaryJson(result: RunResult): string {
  const byCheck: Record<string, { error: number; warn: number }> = {};
  for (const c of result.checks) byCheck[c.id] = { error: 0, warn: 0 };
  const bySeverity = { error: 0, warn: 0 };
  for (const f of result.findings) {
    (byCheck[f.checkId] ??= { error: 0, warn: 0 })[f.severity]++;
    bySeverity[f.severity]++;
  }
  const summary = {
    tool: result.tool,
    seed: result.seed,
    specSource: result.specSource,
    specSha256: result.specSha256,
    target: result.target,
    start: result.start,
    end: result.end,
    durationMs: result.durationMs,
    requests: result.requests,
    casesByKind: result.casesByKind,
    operations: { total: result.operationsTotal, reached: result.operationsReached },
    findings: {
      total: result.findings.length,
      bySeverity,
      byCheck,
      new: result.findings.filter((f) => f.baseline === 'new').length,
      known: result.findings.filter((f) => f.baseline === 'known').length,
      fixed: result.fixed.length,
    },
    checks: result.checks.map((c) => ({ id: c.id, severity: c.severity })),
    // Answers no check could judge (429, 503 with Retry-After after the back-off), and the rules that decided.
    ...(result.verdictPolicy && { inconclusive: result.inconclusive ?? 0, verdictPolicy: result.verdictPolicy }),
    // Per-operation coverage, so `specgate merge` can rebuild the coverage section of sharded runs exactly.
    coverage: result.coverage,
    exitCode: result.exitCode,
  };
  return JSON.stringify(summary, null, 2) + '\n';
}

export default {
  id: 'summary-json',
  description: 'Run totals: seed, spec sha, target, timings, findings by check and severity.',
  filename: 'summary.json',
  run: summaryJson,
};
