/**
 * Shrinking an operation's findings at its end (`generate/shrink-findings.ts`): each candidate is sent through
 * the run's plain dispatch (its hard limits, no back-off) with the run's credentials and re-judged by the check
 * that made the finding, so a shrunk example always shows the same cause.
 */
import type { CheckContext } from './check/check.ts';
import { shrinkFindings } from './generate/shrink-findings.ts';
import type { Dispatch } from './send/dispatch.ts';
import type { Case, Finding, PlannedOperation } from './types.ts';
import type { EngineInput } from './engine.ts';
import { rejudge } from './finding-store.ts';

/** What shrinking one operation's findings needs from the engine. */
export interface ShrinkInput {
  input: Pick<EngineInput, 'shrinkCase' | 'checks' | 'auth' | 'options' | 'notes'>;
  plain: Dispatch;
  /** True once shrinking must end (what is left of the budget belongs to the chains and switches). */
  stopped(): boolean;
  context: CheckContext;
  planned: PlannedOperation;
}

/** The findings with up to a few examples replaced by the smallest case that still shows them. */
export function shrinkOperation(findings: readonly Finding[], s: ShrinkInput): Promise<Finding[]> {
  const { input, plain, context, planned } = s;
  const send = async (c: Case) => {
    if (s.stopped()) return undefined;
    const out = await plain(input.auth.authorize(c, planned.operation), { attempt: 1 });
    return 'exchange' in out ? out.exchange : undefined;
  };
  const judgeFor = rejudge(input.checks, send, context);
  const onError = (note: string): void => void input.notes.push(note);
  return shrinkFindings(findings, {
    shrinkCase: input.shrinkCase!,
    judgeFor,
    budget: input.options.shrinkBudget,
    onError,
  });
}
