/** The merge stage: the reports of `specgate run --shard i/n` → one run's RunResult. Pure: the CLI reads the files. */
export { mergeShards, type MergeOptions } from './merge.ts';
export { coverageFromJunit } from './parse-junit.ts';
export { isFindingEntry, toReportedFinding, type FindingEntry } from './parse-findings.ts';
export type { ShardReports, ShardSummary } from './shard.ts';
