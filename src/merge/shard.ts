/**
 * One shard's report directory, as read back: what `summary.json`, `findings.json` and `junit.xml` of a
 * `specgate run --shard i/n` hold. `summary` and `coverage` are absent when their file was.
 */
import type { OperationCoverage, ReportedFinding, CaseKind } from '../types.ts';

/** The fields of `summary.json` merging reads (see src/report/summary-json.ts). */
export interface ShardSummary {
  seed: number;
  specSource: string;
  specSha256: string;
  target: string;
  start: string;
  end: string;
  durationMs: number;
  requests: number;
  casesByKind: Partial<Record<CaseKind, number>>;
  operations: { total: number; reached: number };
  checks: Array<{ id: string; severity: 'error' | 'warn' }>;
  /** Present when the run wrote per-operation coverage into summary.json; preferred over junit.xml's. */
  coverage?: OperationCoverage[];
}

/** A shard as read from its directory. */
export interface ShardReports {
  /** The directory, as given (for messages). */
  dir: string;
  summary?: ShardSummary;
  findings: ReportedFinding[];
  /** Per-operation coverage, from summary.json when it has it, else rebuilt from junit.xml. */
  coverage?: OperationCoverage[];
}
