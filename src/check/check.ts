/**
 * The check interface. A check is data with one function in it (ajv keyword / Redocly rule style):
 * it looks at what came back for a Case and returns Findings; it never throws and never does I/O.
 */
import type { Case, Exchange, Finding, Operation, Severity, Spec, StatusPolicy } from '../types.ts';
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

export interface Check {
  /** Schemathesis-style snake_case id, e.g. `response_schema_conformance`. */
  id: string;
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** Judges one exchange. Exchanges of probes reach only the check that made the probe. */
  run(exchange: Exchange, ctx: CheckContext): Finding[];
  /**
   * Optional: checks that cost extra requests derive a probe from a valid case. The runner calls this a bounded
   * number of times per operation (not once per case) and sends the probes it returns.
   */
  probe?(validCase: Case, ctx: CheckContext): Case | undefined;
  /** Optional: judges a sequence of exchanges of one operation or one workflow (stateful checks). */
  runSequence?(exchanges: Exchange[], ctx: CheckContext): Finding[];
  /**
   * Optional: why this check has nothing to check in `exchange` (e.g. "no schema documented for 200"), or
   * undefined when it applies. Feeds the coverage report; `run` returns [] whenever this returns a reason.
   */
  applies?(exchange: Exchange, ctx: CheckContext): string | undefined;
  /** Optional: ids of other checks whose probe exchanges this check also judges (e.g. Allow on a 405). */
  judgesProbesOf?: string[];
  /** Optional: the runner must send this check's probes without configured credentials (auth headers, keys, cookies). */
  probeOmitsCredentials?: boolean;
}
