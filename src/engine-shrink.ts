/**
 * Shrinking an operation's findings at its end: each finding's case is made smaller and the candidate re-sent
 * (through the dispatch without back-off, inside the run's hard limits) and re-judged by the check that found it.
 */
import type { CheckContext, JudgingCheck } from './check/check.ts';
import { runChecks } from './check/index.ts';
import { shrinkFindings, type ShrinkCase } from './generate/shrink-findings.ts';
import type { Dispatch } from './send/dispatch.ts';
import type { Case, Finding, Operation } from './types.ts';

/** What shrinking needs from the engine. */
export interface ShrinkWith {
  shrinkCase?: ShrinkCase;
  budget: number;
  checks: readonly JudgingCheck[];
  send: Dispatch;
  authorize(c: Case, operation: Operation): Case;
  notes: string[];
}

/** The findings of `operation`, each shrunk when a smaller case still shows it (as they are when it cannot). */
export async function shrinkOperation(
  findings: readonly Finding[],
  operation: Operation,
  ctx: CheckContext,
  w: ShrinkWith,
): Promise<Finding[]> {
  if (!w.shrinkCase) return [...findings];
  const judgeFor = (finding: Finding) => {
    const check = w.checks.find((c) => c.id === finding.checkId);
    if (!check) return undefined;
    return async (candidate: Case): Promise<Finding | undefined> => {
      const out = await w.send(w.authorize(candidate, operation), { attempt: 1 });
      if (!('exchange' in out)) return undefined;
      return runChecks(out.exchange, [check], ctx).findings.find((f) => f.cause === finding.cause);
    };
  };
  const onError = (note: string): void => void w.notes.push(note);
  return shrinkFindings(findings, { shrinkCase: w.shrinkCase, judgeFor, budget: w.budget, onError });
}
