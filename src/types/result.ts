/** The result of a run (report and its readers): coverage, reported findings, workflows, `RunResult`, `Reporter`. */
import type { SourceLocation } from './document.ts';
import type { CaseKind, Finding } from './exchange.ts';
import type { StatusPolicy } from './plan.ts';

/** Why a check had nothing to check for an operation, so "0 findings" never reads as "conformant". */
export interface OperationCoverage {
  operation: string;
  operationId?: string;
  reached: boolean;
  /** When not reached: why (excluded by --read-only, no case could be generated, budget spent, ...). */
  reason?: string;
  requests: number;
  casesByKind: Partial<Record<CaseKind, number>>;
  statusesSeen: number[];
  /** Documented statuses never observed. */
  statusesNeverSeen: string[];
  /** Checks that actually had something to check, and those that could not (with why). */
  checked: string[];
  unchecked: Array<{ check: string; why: string }>;
  /** Exchanges no check could judge (429, 503 with Retry-After after the back-off); absent when none. */
  inconclusive?: number;
  policy: StatusPolicy;
  specLocation?: SourceLocation;
}

/** A finding as reported: deduplicated, with a baseline status and a copy-paste repro. */
export interface ReportedFinding extends Finding {
  /** How many requests showed the same (operation, check, cause). */
  occurrences: number;
  /** Distinct `details` seen across those requests (all of them, however many `details` keeps as examples). */
  detailCount?: number;
  /** curl command that reproduces the (shrunk) request, secrets redacted. */
  curl?: string;
  /** Relative to `--baseline`: new drift, already known, or (only in `fixed`) gone. */
  baseline?: 'new' | 'known';
}

/** The immutable value every reporter formats: one run, start to end. Reporters are pure functions of it. */
export interface RunResult {
  tool: { name: 'specgate'; version: string };
  seed: number;
  specSource: string;
  specSha256: string;
  target: string;
  start: string;
  end: string;
  durationMs: number;
  requests: number;
  casesByKind: Partial<Record<CaseKind, number>>;
  operationsTotal: number;
  operationsReached: number;
  findings: ReportedFinding[];
  /** Baseline findings no longer seen (only with --baseline). */
  fixed: ReportedFinding[];
  coverage: OperationCoverage[];
  /** Checks that ran, with their effective severity. */
  checks: Array<{ id: string; severity: 'error' | 'warn'; description: string }>;
  /** Retries on 429/503 and other things the run did that a reader should know. */
  notes: string[];
  /** Optional: exchanges no check could judge (429, 503 with Retry-After after the back-off): not drift. */
  inconclusive?: number;
  /** Optional: the rules that decided verdicts (`check/verdict-policy.ts`). */
  verdictPolicy?: readonly VerdictRule[];
  exitCode: number;
  /** Optional: header/query/cookie names to redact besides the built-in ones (the spec's apiKey scheme names). */
  secretNames?: string[];
  /** Optional: the command line of this run without `--seed`/`--include`, for replay hints (else one is composed). */
  command?: string;
  /** Optional: the workflows of each `--suite`, in the order they ran. */
  workflows?: WorkflowReport[];
  /** Optional: with `--changed-since`, the spec changes and which operations they touched. */
  changeScope?: ChangeScope;
}

/** One step of a suite workflow, as it ran. */
export interface StepReport {
  stepId: string;
  /** `"METHOD /path"` of the step's operation, when it calls one. */
  operation?: string;
  status: 'passed' | 'failed' | 'skipped';
  attempts: number;
  /** Why it failed or was skipped (secrets scrubbed). */
  message?: string;
  /** `file:line:col` of the step in the suite. */
  location: string;
}

/** One workflow of a `--suite` file, as it ran. */
export interface WorkflowReport {
  /** The suite file, as given. */
  suite: string;
  workflowId: string;
  status: 'passed' | 'failed' | 'skipped';
  message?: string;
  steps: StepReport[];
}

/** One change between the `--changed-since` base and the spec under test (see `specgate diff`). */
export interface SpecChangeReport {
  rule: string;
  kind: 'breaking' | 'non-breaking' | 'info';
  operation: string;
  message: string;
  /** Where the change is in the spec under test (the base's place for removed things). */
  location: SourceLocation;
}

/** What a `--changed-since` run compared against and what it left out. */
export interface ChangeScope {
  /** The base description, as given. */
  base: string;
  changes: SpecChangeReport[];
  /** Operations planned because the diff touches them. */
  touched: string[];
  /** Operations left out because the diff does not touch them. */
  unchanged: string[];
}

/** One rule that decides verdicts (when an answer is judged at all), as report.md and summary.json show it. */
export interface VerdictRule {
  id: string;
  rule: string;
}

/** A reporter: one file of the report directory, a pure function of the RunResult. */
export interface Reporter {
  id: string;
  description: string;
  filename: string;
  run(result: RunResult): string;
  /** The same text in pieces, for a file too large to hold whole (findings.json of a long run). */
  chunks?(result: RunResult): Iterable<string>;
}
