/**
 * The check interface. A check is data with one function in it (ajv keyword / Redocly rule style):
 * it looks at what came back for a Case and returns Findings; it never throws and never does I/O.
 */
import type { Case, Exchange, Finding, Operation, Severity, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';

/** Statuses with which an HTTP stack refuses a request as too large (RFC 9110 §15.5.14, §15.5.15; RFC 6585 §5). */
export const TOO_LARGE: readonly number[] = [413, 414, 431];

/** Which statuses count as "the server rejected the input" / "accepted it", per operation; shown in reports. */
export interface StatusPolicy {
  /** Statuses that mean "rejected" for negative cases, e.g. [400, 401, 403, 404, 405, 406, 409, 413, 414, 415, 422, 428, 431]. */
  rejected: number[];
  /** Status classes/values that mean "accepted" for positive cases, e.g. [200..299]. */
  accepted: number[];
  /** Where this policy came from: 'default' or the config key that set it. */
  source: string;
}

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
