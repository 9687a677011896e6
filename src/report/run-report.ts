/**
 * The report of a run while it goes: findings and exchange summaries appended to NDJSON as they come
 * (`stream.ts`), progress, and the human reports rendered at most every few seconds and at the end (so an
 * interrupted run still leaves usable files, and a long run does not spend its time re-rendering them).
 */
import path from 'node:path';
import type { SecretBook } from '../credentials/index.ts';
import { breakingFindings } from '../plan/changed-since.ts';
import type { OperationRun } from '../plan/operation-run.ts';
import type { RunOptions } from '../run-options.ts';
import type { Reporter, ReportedFinding, RunResult } from '../types.ts';
import type { SuiteOutcome } from '../workflows/suite-phase.ts';
import { dedupeFindings, foldInto } from './findings.ts';
import { runResult, type RunResultInput } from './run-result.ts';
import { replayBase } from './replay.ts';
import { createReportStream } from './stream.ts';
import { createReportWriter } from './write.ts';

/** What the report of a run is built from; `states` is read at every write. */
export interface RunReportInput extends Omit<RunResultInput, 'findings' | 'states' | 'secrets' | 'options'> {
  options: RunOptions;
  states(): readonly OperationRun[];
  secrets(): SecretBook;
  reporters: readonly Reporter[];
}

/** Creates the report; `done(i, …)` records operation `i`'s findings and writes the files when it is time. */
export function createRunReport(input: RunReportInput) {
  const { options: o, states, secrets, reporters, ...rest } = input;
  // Findings known before any request: the breaking changes of `--changed-since`.
  const early = input.scope ? [dedupeFindings(breakingFindings(input.scope, input.spec, input.plan.seed))] : [];
  const byOperation: ReportedFinding[][] = input.plan.operations.map(() => []);
  const later: ReportedFinding[][] = [];
  const phases: { requests: number; suites?: SuiteOutcome } = { requests: 0 };
  const result = (): RunResult =>
    runResult({
      ...rest,
      states: states(),
      findings: [...byOperation, ...early, ...later].flat(),
      secrets: secrets(),
      options: o,
      extraRequests: phases.requests,
      ...(phases.suites ? { suites: phases.suites } : {}),
    });
  const dir = path.resolve(o.cwd, o.reportDir);
  const writer = createReportWriter(dir, [...reporters], result, input.notes, o.writeReports);
  const stream = createReportStream(dir, o.writeReports, secrets, input.notes);
  const header = { seed: input.plan.seed, specSource: input.spec.source, target: input.target, command: replayBase(o) };
  stream.findings(header, early.flat());
  let count = early.flat().length;
  return {
    result,
    /** One exchange was judged: its summary goes to exchanges.ndjson. */
    exchange: stream.exchange,
    async done(index: number, findings: ReportedFinding[]): Promise<void> {
      byOperation[index] = findings;
      count += findings.length;
      stream.findings(header, findings);
      const ops = states();
      o.onProgress?.({
        operationsDone: ops.filter((x) => x.phase === 'done').length,
        operationsTotal: ops.length,
        requests: ops.reduce((n, x) => n + x.tally.requests, 0),
        findings: count,
        operation: ops[index]!.planned.operation.key,
      });
      await writer.flush();
    },
    /** Folds in what the later phases (stateful chains, suites) found and sent. */
    addPhases(outcome: { findings: ReportedFinding[][]; requests: number; suites?: SuiteOutcome }): void {
      const fresh = foldInto(byOperation, outcome.findings);
      for (const list of fresh) stream.findings(header, list);
      later.push(...fresh);
      phases.requests = outcome.requests;
      if (outcome.suites) phases.suites = outcome.suites;
    },
    /** Writes every file one last time and returns the final result. */
    async close(): Promise<RunResult> {
      await Promise.all([writer.flush(true), stream.close()]);
      return result();
    },
  };
}
