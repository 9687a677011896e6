/**
 * Shrinking an operation's findings at its end (`generate/shrink-findings.ts`): each candidate is sent through
 * the run's plain dispatch (its hard limits, no back-off) with the run's credentials and re-judged by the check
 * that made the finding, so a shrunk example always shows the same cause.
 */
import type { CheckContext } from './check/check.ts';
import { runChecks } from './check/index.ts';
import { shrinkFindings } from './generate/shrink-findings.ts';
import type { Dispatch } from './send/dispatch.ts';
import type { Case, Finding, PlannedOperation } from './types.ts';
import type { EngineInput } from './engine.ts';

/** What shrinking one operation's findings needs from the engine. */
export interface ShrinkInput {
  input: Pick<EngineInput, 'shrinkCase' | 'checks' | 'auth' | 'options' | 'notes'>;
  plain: Dispatch;
  context: CheckContext;
  planned: PlannedOperation;
}

/** The findings with up to a few examples replaced by the smallest case that still shows them. */
export function shrinkOperation(findings: readonly Finding[], s: ShrinkInput): Promise<Finding[]> {
  const { input, plain, context, planned } = s;
  const judgeFor = (finding: Finding) => {
    const check = input.checks.find((c) => c.id === finding.checkId);
    if (!check) return undefined;
    return async (candidate: Case): Promise<Finding | undefined> => {
      const out = await plain(input.auth.authorize(candidate, planned.operation), { attempt: 1 });
      if (!('exchange' in out)) return undefined;
      return runChecks(out.exchange, [check], context).findings.find((f) => f.cause === finding.cause);
    };
  };
  const onError = (note: string): void => void input.notes.push(note);
  return shrinkFindings(findings, {
    shrinkCase: input.shrinkCase!,
    judgeFor,
    budget: input.options.shrinkBudget,
    onError,
  });
}
