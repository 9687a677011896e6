/**
 * Shrinking failing generated cases to a smaller request that still shows the same finding (same check and
 * cause), bounded in extra requests. The shrunk exchange is re-judged, so a finding is only ever reported on a
 * request that really shows it (no "shrunk into a valid body" false positive).
 */
import type { Case, Exchange, Finding } from '../types.ts';
import type { ShrinkCase } from '../run/deps.ts';
import { runChecks } from '../check/index.ts';
import type { JudgeEnv, OperationState } from '../run/operation.ts';
import { findingKey } from '../report/baseline.ts';
import { originalCase } from './prepare.ts';

/** Findings shrunk per operation; the rest keep their original example. */
const MAX_SHRUNK_PER_OPERATION = 3;

/** Replaces the example of up to a few distinct findings with the smallest case that still shows them. */
export async function shrinkFindings(
  state: OperationState,
  env: JudgeEnv,
  shrinkCase: ShrinkCase,
  sendCase: (state: OperationState, c: Case) => Promise<Exchange>,
  budget: number,
): Promise<void> {
  const seen = new Set<string>();
  let shrunk = 0;
  for (let i = 0; i < state.findings.length && shrunk < MAX_SHRUNK_PER_OPERATION; i++) {
    const finding = state.findings[i]!;
    const kind = finding.exchange?.case.kind;
    if (!finding.exchange || (kind !== 'negative' && kind !== 'positive') || seen.has(findingKey(finding))) continue;
    seen.add(findingKey(finding));
    shrunk++;
    const check = env.selected.find((c) => c.id === finding.checkId);
    if (!check) continue;
    let best: Finding | undefined;
    const stillFails = async (candidate: Case): Promise<boolean> => {
      const exchange = await sendCase(state, env.authorize(candidate, state.planned.operation));
      const same = runChecks(exchange, [check], state.context).findings.find((f) => f.cause === finding.cause);
      if (same) best = same;
      return same !== undefined;
    };
    try {
      const original = originalCase(finding.exchange.case);
      await shrinkCase(original, stillFails, { maxAttempts: budget });
    } catch (error) {
      env.notes.push(`shrinking ${finding.caseId} failed: ${(error as Error).message}`);
    }
    if (best) state.findings[i] = best;
  }
}
