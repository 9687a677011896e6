/**
 * Shrinking failing generated cases to a smaller request that still shows the same finding (same check and
 * cause), bounded in extra requests. Each candidate is sent and re-judged by the caller's `stillShows`, so a
 * finding is only ever reported on a request that really shows it (no "shrunk into a valid body" false positive).
 */
import { findingKey } from '../report/baseline.ts';
import type { Case, Finding } from '../types.ts';
import { originalCase } from './prepare.ts';

/** Shrinks a failing case: tries smaller variants through `stillFails` (which sends them) and returns the smallest. */
export type ShrinkCase = (
  failing: Case,
  stillFails: (candidate: Case) => Promise<boolean>,
  options: { maxAttempts: number },
) => Promise<Case>;

/** Sends a candidate and judges it: the finding it shows with the same cause, if any. */
export type StillShows = (candidate: Case) => Promise<Finding | undefined>;

/** Findings shrunk per operation; the rest keep their original example. */
const MAX_SHRUNK_PER_OPERATION = 3;

/** How to shrink: the shrinker, the judge per finding (undefined when its check is not selected), the budget. */
export interface ShrinkFindingsOptions {
  shrinkCase: ShrinkCase;
  judgeFor(finding: Finding): StillShows | undefined;
  budget: number;
  onError(note: string): void;
}

/** The findings with the example of up to a few distinct ones replaced by the smallest case that still shows it. */
export async function shrinkFindings(findings: readonly Finding[], o: ShrinkFindingsOptions): Promise<Finding[]> {
  const out = [...findings];
  const seen = new Set<string>();
  let shrunk = 0;
  for (let i = 0; i < out.length && shrunk < MAX_SHRUNK_PER_OPERATION; i++) {
    const finding = out[i]!;
    const kind = finding.exchange?.case.kind;
    if (!finding.exchange || (kind !== 'negative' && kind !== 'positive') || seen.has(findingKey(finding))) continue;
    seen.add(findingKey(finding));
    shrunk++;
    const judge = o.judgeFor(finding);
    if (!judge) continue;
    let best: Finding | undefined;
    const stillFails = async (candidate: Case): Promise<boolean> => {
      const same = await judge(candidate);
      if (same) best = same;
      return same !== undefined;
    };
    try {
      await o.shrinkCase(originalCase(finding.exchange.case), stillFails, { maxAttempts: o.budget });
    } catch (error) {
      o.onError(`shrinking ${finding.caseId} failed: ${(error as Error).message}`);
    }
    if (best) out[i] = best;
  }
  return out;
}
