/** What the engine (`engine.ts`) needs from the pipeline: the spec and plan, the checks, the transport, the case source. */
import type { Dispatcher } from 'undici';
import type { JudgingCheck } from './check/check.ts';
import type { CaseSource } from './generate/case-source.ts';
import type { ShrinkCase } from './generate/shrink-findings.ts';
import type { RunOptions } from './run-options.ts';
import type { Case, Exchange, Finding, Operation, Plan, PlannedOperation, ReportedFinding, Spec } from './types.ts';
import type { Validator } from './validate/index.ts';

/** What the engine needs from the pipeline. */
export interface EngineInput {
  spec: Spec;
  plan: Plan;
  validator: Validator;
  /** The selected checks that judge single exchanges, in order. */
  checks: JudgingCheck[];
  options: RunOptions;
  dispatcher: Dispatcher;
  baseUrl: string;
  cases: CaseSource;
  /** A fresh valid case in place of one a create refused with 409 (`generate/case-source.ts`). */
  fresh?: (planned: PlannedOperation, c: Case) => Case | undefined;
  /** Gives a case the run's credentials (shrunk cases), or strips them (probes that must go without). */
  auth: { authorize(c: Case, operation: Operation): Case; strip(c: Case, operation: Operation): Case };
  shrinkCase?: ShrinkCase;
  toCurl?: (exchange: Exchange) => string;
  /** Sees every exchange as it comes back (the callback receiver matches deliveries to requests). */
  observe?: (exchange: Exchange) => void;
  /** The run's notes (harness notes, not findings). */
  notes: string[];
  /** An operation is done: its deduplicated findings. */
  onDone(index: number, findings: ReportedFinding[]): Promise<void>;
  /** Optional: an exchange was judged (its summary is streamed to the report). */
  onExchange?(exchange: Exchange, verdict: { findings: readonly Finding[]; inconclusive?: string }): void;
}
