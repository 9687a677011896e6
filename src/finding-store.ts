/**
 * The findings of each operation while the run goes, folded as they come (`report/finding-fold.ts`): a long run
 * keeps a few findings per cause, not every finding with its request and response. A finding waits unfolded
 * only while the target may still turn out poisoned at its answer (`PoisonWatch.horizon`), so the report is the
 * one filtering and deduplicating every finding at the end would give.
 */
import type { CheckContext, JudgingCheck } from './check/check.ts';
import { runChecks } from './check/index.ts';
import { oneFindingPerCause } from './check/one-cause.ts';
import type { StillShows } from './generate/shrink-findings.ts';
import type { PoisonWatch } from './poison-watch.ts';
import { FindingFold } from './report/finding-fold.ts';
import type { Case, Exchange, Finding, ReportedFinding } from './types.ts';

/** Findings an operation gathers between two attempts to fold its waiting ones. */
const BATCH = 64;

export class FindingStore {
  private readonly folds: FindingFold[];
  private readonly waiting: Finding[][];
  private readonly added: number[];

  constructor(
    operations: number,
    private readonly poison: Pick<PoisonWatch, 'horizon' | 'settled' | 'keeps'>,
  ) {
    this.folds = Array.from({ length: operations }, () => new FindingFold());
    this.waiting = Array.from({ length: operations }, () => []);
    this.added = Array.from({ length: operations }, () => 0);
  }

  /** Findings of operation `i`, in the order they came. */
  add(i: number, findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    this.waiting[i]!.push(...findings);
    this.added[i]! += findings.length;
    if (this.added[i]! < BATCH) return;
    this.added[i] = 0;
    this.fold(i, this.poison.horizon());
  }

  /**
   * Operation `i` is finished: its findings judged against the poisoning as it stands now, deduplicated, the
   * shrinking candidates replaced by what `shrink` made of them, each example with its curl repro.
   */
  async reported(
    i: number,
    shrink: (candidates: Finding[]) => Promise<Finding[]>,
    curl?: (exchange: Exchange) => string,
  ): Promise<ReportedFinding[]> {
    this.fold(i, Infinity);
    const fold = this.folds[i]!;
    this.folds[i] = new FindingFold();
    // One cause, one finding: an undocumented status folds into the refusal or server error of the same status.
    const found = oneFindingPerCause(fold.reported(await shrink(fold.candidates())));
    return curl ? found.map((f) => (f.exchange ? { ...f, curl: curl(f.exchange) } : f)) : found;
  }

  /** Folds the waiting findings, in order, up to the first whose answer may still turn out poisoned. */
  private fold(i: number, horizon: number): void {
    const waiting = this.waiting[i]!;
    let n = 0;
    for (; n < waiting.length; n++) {
      const f = waiting[n]!;
      if (horizon !== Infinity && !this.poison.settled(f, horizon)) break;
      if (this.poison.keeps(f)) this.folds[i]!.add(f);
    }
    waiting.splice(0, n);
  }
}

/** The judge shrinking asks for a finding: sends a candidate and runs the finding's check on the answer. */
export function rejudge(
  checks: readonly JudgingCheck[],
  send: (c: Case) => Promise<Exchange | undefined>,
  context: CheckContext,
): (finding: Finding) => StillShows | undefined {
  return (finding) => {
    const check = checks.find((c) => c.id === finding.checkId);
    if (!check) return undefined;
    return async (candidate) => {
      const exchange = await send(candidate);
      return exchange && runChecks(exchange, [check], context).findings.find((f) => f.cause === finding.cause);
    };
  };
}
