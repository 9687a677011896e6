/**
 * The check interface. A check is data with one function in it (ajv keyword / Redocly rule style):
 * it looks at what came back for a Case and returns Findings; it never throws and never does I/O.
 */
import type { Case, Exchange, Finding, Operation, Severity, Spec, StatusPolicy, StreamEvent } from '../types.ts';
import type { Validator } from '../validate/index.ts';

/** Everything a check may read; one per (operation, run). Pure data plus the shared validator. */
export interface CheckContext {
  spec: Spec;
  validator: Validator;
  operation: Operation;
  seed: number;
  policy: StatusPolicy;
  /** Severity configured for this check (never 'off': disabled checks are not called). */
  severity: Exclude<Severity, 'off'>;
  /** Limit for `max_response_time`, in ms. */
  maxResponseTimeMs: number;
  /**
   * Optional per-check severities (by check id) for `runChecks`, which fills `severity` from it per check
   * (falling back to the check's `defaultSeverity`). Checks called directly read `severity`.
   */
  severities?: Partial<Record<string, Exclude<Severity, 'off'>>>;
}

/** A request a check wants sent in addition to generated cases (e.g. without auth), derived from a valid Case. */
export interface Probe {
  checkId: string;
  case: Case;
}

/** What every check has: a Schemathesis-style snake_case id (`response_schema_conformance`), a description, a severity. */
interface CheckBase {
  id: string;
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
}

/** Judges one exchange of a generated case (and, with `judgesProbesOf`, the probes of other checks). */
export interface ExchangeCheck extends CheckBase {
  kind: 'exchange';
  run(exchange: Exchange, ctx: CheckContext): Finding[];
  /**
   * Optional: why this check has nothing to check in `exchange` (e.g. "no schema documented for 200"), or
   * undefined when it applies. The runner asks it before `run`; it feeds the coverage report, and `run`
   * returns [] whenever it gives a reason.
   */
  applies?(exchange: Exchange, ctx: CheckContext): string | undefined;
  /** Optional: ids of other checks whose probe exchanges this check also judges (e.g. Allow on a 405). */
  judgesProbesOf?: string[];
}

/**
 * Costs extra requests: derives a probe from a valid case (the runner asks a bounded number of times per
 * operation, not once per case), and judges the probe's exchange. Probe exchanges reach only their maker
 * and the checks that declare `judgesProbesOf` it.
 */
export interface ProbeCheck extends Omit<ExchangeCheck, 'kind'> {
  kind: 'probe';
  probe(validCase: Case, ctx: CheckContext): Case | undefined;
  /** The runner sends the probes without configured credentials (auth headers, keys, cookies). */
  omitsCredentials?: boolean;
}

/** Judges an exchange like an exchange check, and can also watch a stream event by event while it arrives. */
export interface StreamCheck extends Omit<ExchangeCheck, 'kind'> {
  kind: 'stream';
  /** An incremental judge of the stream in `exchange` (status and headers known), or undefined when none applies. */
  watch(exchange: Exchange, ctx: CheckContext): { event(event: StreamEvent): Finding[] } | undefined;
}

/** Judges a sequence of exchanges: a resource chain (create → read → delete) rather than one exchange. */
export interface SequenceCheck extends CheckBase {
  kind: 'sequence';
  runSequence(exchanges: Exchange[], ctx: CheckContext): Finding[];
}

/** An id findings of suites carry (a failed criterion, a webhook): data, judged by the suite runner itself. */
export interface SuiteFinding {
  kind: 'suite';
  id: string;
  description: string;
}

/** A check: data with one function in it, of one of four kinds. */
export type Check = ExchangeCheck | ProbeCheck | StreamCheck | SequenceCheck;

/** A check that judges single exchanges (every kind but sequence checks). */
export type JudgingCheck = ExchangeCheck | ProbeCheck | StreamCheck;

/** True for the checks that judge single exchanges. */
export const judgesExchanges = (check: Check): check is JudgingCheck => check.kind !== 'sequence';
