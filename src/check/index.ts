/**
 * The one check registry: every check, in the order they run and are listed, the profiles (which ids a fuzz
 * run, a suite and a certification judge with), and `runChecks`/`runSequenceChecks`, which route an exchange
 * to the checks that judge it and never let a throwing check crash the run.
 */
import type { Exchange, Finding } from '../types.ts';
import type { Check, CheckContext, JudgingCheck, SequenceCheck } from './check.ts';
import notAServerError from './not-a-server-error.ts';
import statusCodeConformance from './status-code-conformance.ts';
import contentTypeConformance from './content-type-conformance.ts';
import responseHeadersConformance from './response-headers-conformance.ts';
import responseSchemaConformance from './response-schema-conformance.ts';
import negativeDataRejection from './negative-data-rejection.ts';
import positiveDataAcceptance from './positive-data-acceptance.ts';
import ignoredAuth from './ignored-auth.ts';
import missingRequiredHeader from './missing-required-header.ts';
import unsupportedMethod from './unsupported-method.ts';
import allowHeaderConformance from './allow-header-conformance.ts';
import maxResponseTime from './max-response-time.ts';
import sseStreamConformance from './sse-stream-conformance.ts';
import undocumentedResponseContent from './undocumented-response-content.ts';
import ensureResourceAvailability from './ensure-resource-availability.ts';
import useAfterFree from './use-after-free.ts';
import idempotency from './idempotency.ts';
import { oneFindingPerCause } from './one-cause.ts';
import { probeOf } from './probe.ts';
import { inconclusiveWhy, JUDGE_THE_REQUEST } from './verdict-policy.ts';

/** All checks, in run and report order: the exchange, probe and stream checks, then the sequence checks. */
export const CHECKS: readonly Check[] = [
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  responseHeadersConformance,
  responseSchemaConformance,
  negativeDataRejection,
  positiveDataAcceptance,
  ignoredAuth,
  missingRequiredHeader,
  unsupportedMethod,
  allowHeaderConformance,
  maxResponseTime,
  sseStreamConformance,
  undocumentedResponseContent,
  ensureResourceAvailability,
  useAfterFree,
  idempotency,
];

const ids = (checks: readonly Check[]): string[] => checks.map((c) => c.id);

/**
 * Profiles: which checks judge what, as lists of ids.
 * - `run`: every check of `specgate run` (`--checks all`); sequence checks judge the stateful chains.
 * - `suite`: checks that judge any response on its own (no generated-case semantics). Suites send failing
 *   requests on purpose (401 with a deleted key, 402 at a cap), which probing and data checks would misread.
 * - `certify`: the checks a certification profile may name to judge its suites' exchanges.
 */
export const PROFILES: Readonly<Record<'run' | 'suite' | 'certify', readonly string[]>> = {
  run: ids(CHECKS),
  suite: [
    'not_a_server_error',
    'status_code_conformance',
    'content_type_conformance',
    'response_headers_conformance',
    'response_schema_conformance',
    'sse_stream_conformance',
  ],
  certify: ids(CHECKS.filter((c) => c.kind !== 'sequence')),
};

/** The checks of a profile, in registry order; `within` narrows the pool (e.g. to a run's selected checks). */
export function checksOf(profile: keyof typeof PROFILES, within: readonly Check[] = CHECKS): Check[] {
  return within.filter((c) => PROFILES[profile].includes(c.id));
}

/** The checks that judge single exchanges (every kind but sequence checks). */
export function judgingChecks(checks: readonly Check[]): JudgingCheck[] {
  return checks.filter((c): c is JudgingCheck => c.kind !== 'sequence');
}

/** The checks that judge sequences of exchanges (resource chains). */
export function sequenceChecks(checks: readonly Check[]): SequenceCheck[] {
  return checks.filter((c): c is SequenceCheck => c.kind === 'sequence');
}

/** What running the checks on one exchange (or sequence) produced. */
export interface CheckOutcome {
  findings: Finding[];
  /** Harness notes: a check that threw (a bug in specgate, never drift). */
  notes: string[];
  /** Checks that had something to check. */
  checked: string[];
  /** Checks that had nothing to check, with why (`applies` said so). */
  unchecked: Array<{ check: string; why: string }>;
  /** Set when the answer speaks to no verdict at all (`verdict-policy.ts`): why. */
  inconclusive?: string;
}

/** True when `check` judges this exchange: every check a generated case, only the maker (and its declared judges) a probe. */
export function judges(check: JudgingCheck, exchange: Exchange): boolean {
  return judgesProbeOf(check, probeOf(exchange));
}

function judgesProbeOf(check: JudgingCheck, maker: string | undefined): boolean {
  return maker === undefined || maker === check.id || (check.judgesProbesOf?.includes(maker) ?? false);
}

// One context per (operation context, check), made once: contexts are immutable once a run hands them out.
const contexts = new WeakMap<CheckContext, WeakMap<Check, CheckContext>>();

function contextFor(check: Check, ctx: CheckContext): CheckContext {
  let byCheck = contexts.get(ctx);
  if (!byCheck) contexts.set(ctx, (byCheck = new WeakMap()));
  let c = byCheck.get(check);
  if (!c)
    byCheck.set(check, (c = { ...ctx, severity: ctx.severities?.[check.id] ?? ctx.severity ?? check.defaultSeverity }));
  return c;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `checks` on one exchange. Severity per check: `ctx.severities[id]`, else `ctx.severity`.
 * A check that throws becomes a note; the other checks still run.
 */
export function runChecks(exchange: Exchange, checks: readonly Check[], ctx: CheckContext): CheckOutcome {
  const out: CheckOutcome = { findings: [], notes: [], checked: [], unchecked: [] };
  const maker = probeOf(exchange);
  const inconclusive = inconclusiveWhy(exchange);
  for (const check of judgingChecks(checks)) {
    if (!judgesProbeOf(check, maker)) continue;
    if (inconclusive !== undefined && JUDGE_THE_REQUEST.has(check.id)) {
      out.unchecked.push({ check: check.id, why: inconclusive });
      continue;
    }
    const c = contextFor(check, ctx);
    try {
      const why = check.applies?.(exchange, c);
      if (why !== undefined) {
        out.unchecked.push({ check: check.id, why });
        continue;
      }
      out.checked.push(check.id);
      const found = check.run(exchange, c);
      for (const f of found) out.findings.push(f);
    } catch (error) {
      out.notes.push(
        `check ${check.id} threw on ${exchange.case.id}: ${describe(error)} (a bug in specgate; this verdict is missing)`,
      );
    }
  }
  out.findings = oneFindingPerCause(out.findings);
  if (inconclusive !== undefined) out.inconclusive = inconclusive;
  return out;
}

/** Runs the sequence checks of `checks` on the exchanges of one resource chain (or one operation). */
export function runSequenceChecks(exchanges: Exchange[], checks: readonly Check[], ctx: CheckContext): CheckOutcome {
  const out: CheckOutcome = { findings: [], notes: [], checked: [], unchecked: [] };
  for (const check of sequenceChecks(checks)) {
    try {
      out.findings.push(...check.runSequence(exchanges, contextFor(check, ctx)));
      out.checked.push(check.id);
    } catch (error) {
      out.notes.push(`check ${check.id} threw on a sequence of ${exchanges.length} exchanges: ${describe(error)}`);
    }
  }
  return out;
}

export { probeOf } from './probe.ts';
export { VERDICT_POLICY } from './verdict-policy.ts';
export {
  SUITE_FINDINGS,
  workflowStepFailed,
  webhookDelivery,
  webhookSignature,
  webhookSchemaConformance,
  sseStreamSemantics,
} from './suite-findings.ts';
export type {
  Check,
  CheckContext,
  ExchangeCheck,
  ProbeCheck,
  StreamCheck,
  SequenceCheck,
  SuiteFinding,
  JudgingCheck,
} from './check.ts';
