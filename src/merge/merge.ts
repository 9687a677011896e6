/**
 * Merging the reports of `specgate run --shard i/n` into the one RunResult an unsharded run would have given:
 * totals summed, coverage united (an operation reached in any shard is reached), findings deduplicated by
 * (operation, check, cause) with occurrences summed, and the baseline status recomputed. Pure.
 */
import { HarnessError } from '../errors.ts';
import { findingKey, compareWithBaseline } from '../report/baseline.ts';
import { DETAIL_EXAMPLES } from '../report/findings.ts';
import type { OperationCoverage, ReportedFinding, RunResult, CaseKind } from '../types.ts';
import type { ShardReports, ShardSummary } from './shard.ts';

/** What `mergeShards` may be told. */
export interface MergeOptions {
  /** Findings of a previous run: each merged finding is marked new or known, and the rest become `fixed`. */
  baseline?: ReportedFinding[];
  /** Description of each check id, for reports (shard files keep only ids). */
  describeCheck?: (id: string) => string;
  version?: string;
}

/** One RunResult from the shards' reports; throws HarnessError USAGE when the shards are not of one run. */
export function mergeShards(shards: ShardReports[], options: MergeOptions = {}): RunResult {
  if (shards.length === 0) throw new HarnessError('USAGE', 'merge needs at least one shard report directory');
  const summaries = shards.flatMap((s) => (s.summary ? [{ dir: s.dir, ...s.summary }] : []));
  const same = (field: 'seed' | 'specSha256', what: string) => {
    const values = new Set(summaries.map((s) => s[field]));
    if (values.size > 1) {
      throw new HarnessError(
        'USAGE',
        `the shards are not of one run: ${what} differ (${summaries.map((s) => `${s.dir}: ${s[field]}`).join(', ')})`,
      );
    }
  };
  same('seed', 'seeds');
  same('specSha256', 'spec sha256s');
  const first = summaries[0];
  const coverage = uniteCoverage(shards);
  const findings = order(uniteFindings(shards), coverage);
  const marked = options.baseline ? compareWithBaseline(findings, options.baseline) : { findings, fixed: [] };
  const times = summaries
    .map((s) => [Date.parse(s.start), Date.parse(s.end)] as const)
    .filter(([a, b]) => !Number.isNaN(a) && !Number.isNaN(b));
  const start = times.length ? Math.min(...times.map((t) => t[0])) : 0;
  const end = times.length ? Math.max(...times.map((t) => t[1])) : 0;
  const targets = [...new Set(summaries.map((s) => s.target))];
  const total = Math.max(coverage?.length ?? 0, ...summaries.map((s) => s.operations.total));
  return {
    tool: { name: 'specgate', version: options.version ?? '0.1.0' },
    seed: first?.seed ?? findings[0]?.seed ?? 0,
    specSource: first?.specSource ?? '',
    specSha256: first?.specSha256 ?? '',
    target: targets.join(', '),
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    durationMs: end - start,
    requests:
      summaries.length === shards.length
        ? sum(summaries.map((s) => s.requests))
        : sum((coverage ?? []).map((c) => c.requests)),
    casesByKind: addKinds(summaries.map((s) => s.casesByKind)),
    operationsTotal: total,
    operationsReached: coverage
      ? coverage.filter((c) => c.reached).length
      : Math.min(total, sum(summaries.map((s) => s.operations.reached))),
    findings: marked.findings,
    fixed: marked.fixed,
    coverage: coverage ?? [],
    checks: uniteChecks(
      summaries.map((s) => s.checks),
      options.describeCheck,
    ),
    notes: notes(shards),
    exitCode: marked.findings.some((f) => f.severity === 'error' && f.baseline !== 'known') ? 1 : 0,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function addKinds(all: Array<Partial<Record<CaseKind, number>>>): Partial<Record<CaseKind, number>> {
  const out: Partial<Record<CaseKind, number>> = {};
  for (const kinds of all)
    for (const [k, n] of Object.entries(kinds)) out[k as CaseKind] = (out[k as CaseKind] ?? 0) + (n ?? 0);
  return out;
}

/** Same (operation, check, cause) in several shards: one finding, occurrences summed, the first shard's example. */
function uniteFindings(shards: ShardReports[]): ReportedFinding[] {
  const byKey = new Map<string, ReportedFinding>();
  for (const f of shards.flatMap((s) => s.findings)) {
    const key = findingKey(f);
    const seen = byKey.get(key);
    byKey.set(key, seen ? unite(seen, f) : f);
  }
  return [...byKey.values()];
}

/** One finding from two shards: occurrences summed, instances (details) united. */
function unite(a: ReportedFinding, b: ReportedFinding): ReportedFinding {
  const out = { ...a, occurrences: a.occurrences + b.occurrences };
  if (!a.details && !b.details) return out;
  const all = [...new Set([...(a.details ?? []), ...(b.details ?? [])])];
  const count = Math.max(all.length, a.detailCount ?? 0, b.detailCount ?? 0);
  return { ...out, details: all.slice(0, DETAIL_EXAMPLES), detailCount: count };
}

/** Findings in the operations' order (the plan's, as every shard lists all operations), else first-seen order. */
function order(findings: ReportedFinding[], coverage: OperationCoverage[] | undefined): ReportedFinding[] {
  const rank = new Map((coverage ?? []).map((c, i) => [c.operation, i]));
  const at = (f: ReportedFinding) => rank.get(f.operation) ?? rank.size;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => at(a.f) - at(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/** Per operation: reached anywhere → the shards that reached it, summed; else the most telling reason. */
function uniteCoverage(shards: ShardReports[]): OperationCoverage[] | undefined {
  const lists = shards.map((s) => s.coverage).filter((c): c is OperationCoverage[] => c !== undefined);
  if (lists.length === 0) return undefined;
  const byOp = new Map<string, OperationCoverage[]>();
  for (const c of lists.flat()) byOp.set(c.operation, [...(byOp.get(c.operation) ?? []), c]);
  return [...byOp.values()].map((all) => {
    const reached = all.filter((c) => c.reached);
    if (reached.length === 0) return all.find((c) => !c.reason?.startsWith('in another shard')) ?? all[0]!;
    const checked = [...new Set(reached.flatMap((c) => c.checked))];
    return {
      ...reached[0]!,
      requests: sum(reached.map((c) => c.requests)),
      casesByKind: addKinds(reached.map((c) => c.casesByKind)),
      statusesSeen: [...new Set(reached.flatMap((c) => c.statusesSeen))].sort((a, b) => a - b),
      statusesNeverSeen: reached.map((c) => c.statusesNeverSeen).reduce((a, b) => a.filter((s) => b.includes(s))),
      checked,
      unchecked: reached[0]!.unchecked.filter((u) => !checked.includes(u.check)),
    };
  });
}

function uniteChecks(lists: Array<ShardSummary['checks']>, describe?: (id: string) => string): RunResult['checks'] {
  const byId = new Map<string, RunResult['checks'][number]>();
  for (const c of lists.flat())
    if (!byId.has(c.id)) byId.set(c.id, { id: c.id, severity: c.severity, description: describe?.(c.id) ?? '' });
  return [...byId.values()];
}

function notes(shards: ShardReports[]): string[] {
  const out = [`Merged from ${shards.length} shard report(s): ${shards.map((s) => s.dir).join(', ')}.`];
  if (shards.some((s) => s.coverage && !s.summary?.coverage)) {
    out.push(
      "Coverage was rebuilt from the shards' junit.xml: cases by kind, statuses seen and status policies per operation are not in the shard reports.",
    );
  }
  const missing = shards.filter((s) => !s.summary).map((s) => s.dir);
  if (missing.length)
    out.push(
      `No summary.json in ${missing.join(', ')}: seed and spec could not be checked against the other shards, and its totals come from its junit.xml.`,
    );
  return out;
}
