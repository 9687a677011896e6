/**
 * The end of an operation: its findings shrunk (each finding's case made smaller, re-sent through the dispatch
 * without back-off inside the run's hard limits, and re-judged by the check that found it), one per cause, each
 * with its curl repro.
 */
import type { CheckContext, JudgingCheck } from './check/check.ts';
import { runChecks } from './check/index.ts';
import { oneFindingPerCause } from './check/one-cause.ts';
import { shrinkFindings, type ShrinkCase } from './generate/shrink-findings.ts';
import { dedupeFindings } from './report/findings.ts';
import type { Dispatch } from './send/dispatch.ts';
import type { Case, Exchange, Finding, Operation, ReportedFinding } from './types.ts';

/** What finishing needs from the engine. */
export interface FinishWith {
  shrinkCase?: ShrinkCase;
  options: { shrinkBudget: number };
  checks: readonly JudgingCheck[];
  send: Dispatch;
  /** True once shrinking must end (what is left of the run's budget belongs to the chains and switches). */
  stopped(): boolean;
  auth: { authorize(c: Case, operation: Operation): Case };
  notes: string[];
  toCurl?: (exchange: Exchange) => string;
}

/** The findings of `operation` as reported: shrunk where a smaller case still shows them, one per cause, with curl. */
export async function reportedFindings(
  findings: readonly Finding[],
  operation: Operation,
  ctx: CheckContext,
  w: FinishWith,
): Promise<ReportedFinding[]> {
  const shrunk = w.shrinkCase && !w.stopped() ? await shrink(findings, operation, ctx, w, w.shrinkCase) : findings;
  const curl = w.toCurl;
  const reported = oneFindingPerCause(dedupeFindings([...shrunk]));
  return reported.map((f) => (f.exchange && curl ? { ...f, curl: curl(f.exchange) } : f));
}

function shrink(
  findings: readonly Finding[],
  operation: Operation,
  ctx: CheckContext,
  w: FinishWith,
  shrinkCase: ShrinkCase,
): Promise<Finding[]> {
  const judgeFor = (finding: Finding) => {
    const check = w.checks.find((c) => c.id === finding.checkId);
    if (!check) return undefined;
    return async (candidate: Case): Promise<Finding | undefined> => {
      if (w.stopped()) return undefined;
      const out = await w.send(w.auth.authorize(candidate, operation), { attempt: 1 });
      if (!('exchange' in out)) return undefined;
      return runChecks(out.exchange, [check], ctx).findings.find((f) => f.cause === finding.cause);
    };
  };
  const onError = (note: string): void => void w.notes.push(note);
  return shrinkFindings(findings, { shrinkCase, judgeFor, budget: w.options.shrinkBudget, onError });
}
