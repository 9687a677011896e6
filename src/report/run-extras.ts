/**
 * Parts of a RunResult only some runs have: the workflows of `--suite` files, and the spec changes of a
 * `--changed-since` run. Kept apart from run-result.ts so the core result stays small.
 */
import type { SourceLocation } from '../types.ts';

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
