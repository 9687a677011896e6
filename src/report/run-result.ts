/** The RunResult of a run as it stands (partial while it goes on): operations, later phases, replay command. */
import type { OperationRun } from '../plan/operation-run.ts';
import type { ChangeScope, ReportedFinding, RunResult } from '../types.ts';
import type { SuiteOutcome } from '../workflows/suite-phase.ts';
import { replayBase } from './replay.ts';
import { buildResult, type ResultInput } from './result.ts';
import { withSuites } from './with-suites.ts';

/** The tool's version, as reports carry it. */
export const TOOL_VERSION = '0.1.0';

/** Everything the result of a run is made of. */
export interface RunResultInput extends Omit<ResultInput, 'version' | 'baseline' | 'states'> {
  states: readonly OperationRun[];
  /** What decides the cases and the target, for the replay command. */
  options: Parameters<typeof replayBase>[0];
  baseline?: ReportedFinding[] | undefined;
  scope?: ChangeScope | undefined;
  suites?: SuiteOutcome | undefined;
}

/** The RunResult now: the per-operation phase, with the suites and a `--changed-since` scope folded in. */
export function runResult(input: RunResultInput): RunResult {
  const { options, baseline, scope, suites, ...rest } = input;
  const core = buildResult({ ...rest, version: TOOL_VERSION, ...(baseline ? { baseline } : {}) });
  return withSuites({ ...core, command: replayBase(options) }, suites, input.spec, scope);
}
