/**
 * The engine's log of answers for `check/target-poisoned.ts`: every judged answer of a generated case is recorded
 * in sending order; once the answers flipped to a uniform error after one of the run's own requests, findings on
 * the poisoned answers are dropped (inconclusive) and one `target_poisoned` warning names that request.
 */
import { targetPoisoned } from './check/suite-findings.ts';
import {
  detectPoisoning,
  isPoisoned,
  POISON_STATUSES,
  signatureOf,
  type Answer,
  type Poisoning,
} from './check/target-poisoned.ts';
import type { Case, Exchange, Finding, PlannedOperation } from './types.ts';

/** Answers kept for the detection: enough to see a flip, bounded for long runs. */
const KEEP = 2000;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class PoisonWatch {
  private log: Answer[] = [];
  private clock = 0;
  private readonly sentAtOf = new WeakMap<Exchange, number>();
  /** When each case was (last) sent: a retry sends the same case again. */
  private readonly sentAtCase = new WeakMap<Case, number>();
  poisoning?: Poisoning;
  inconclusive = 0;
  private readonly spoiled = new Set<string>();
  /** The clock when each answer being judged now was asked for (a count per clock value). */
  private readonly open = new Map<number, number>();

  /** A case is being sent now. */
  sending = (c: Case): void => void this.sentAtCase.set(c, this.clock++);

  /**
   * Records a judged answer; returns the findings to keep (none on a poisoned answer) and, the first time the
   * flip shows, the `target_poisoned` warning.
   */
  judged(ex: Exchange, planned: PlannedOperation, findings: Finding[]) {
    const sentAt = this.sentAtCase.get(ex.case);
    // A 429 says nothing either way: the rate limit, not the target's state (it is judged as it is).
    if (!ex.response || sentAt === undefined || ex.response.status === 429) return { keep: findings };
    const write = !READS.has(ex.case.method.toUpperCase());
    const status = ex.response.status;
    const accepted = write && status >= 200 && status < 300;
    const answer: Answer = {
      ...{
        sentAt,
        doneAt: this.clock++,
        operation: planned.operation.key,
        write,
        switch: planned.switch !== undefined,
      },
      ...{ status, signature: signatureOf(ex), ...(accepted ? { exchange: ex } : {}) },
    };
    this.sentAtOf.set(ex, sentAt);
    this.log.push(answer);
    if (this.log.length > KEEP * 2) this.log = this.log.slice(-KEEP);
    const detected = this.poisoning ? undefined : detectPoisoning(this.log, answer);
    if (detected) this.poisoning = detected;
    const warning = detected && this.finding(detected);
    if (!this.poisoning || !isPoisoned(this.poisoning, answer)) return { keep: findings, warning };
    this.inconclusive++;
    this.spoiled.add(answer.operation);
    return { keep: [], warning };
  }

  /**
   * Runs the sending and judging of one answer: until it is judged, findings sent after this point may still
   * turn out poisoned (`settled`).
   */
  async during(work: () => Promise<void>): Promise<void> {
    const at = this.clock;
    this.open.set(at, (this.open.get(at) ?? 0) + 1);
    try {
      await work();
    } finally {
      const n = this.open.get(at)! - 1;
      if (n === 0) this.open.delete(at);
      else this.open.set(at, n);
    }
  }

  /**
   * The point before which no answer can still be found poisoned: a later poisoning starts at an answer in the
   * log or at one not judged yet. Once the target was found poisoned, `keeps` is final for every finding.
   */
  horizon(): number {
    if (this.poisoning) return Infinity;
    let at = this.clock;
    for (const a of this.log) if (a.sentAt < at) at = a.sentAt;
    for (const o of this.open.keys()) if (o < at) at = o;
    return at;
  }

  /**
   * True when `keeps(f)` can no longer change: its answer was not screened, was sent before `horizon`, or has a
   * status no poisoning is made of (a poisoning's signature is that of an answer with a poison status).
   */
  settled(f: Finding, horizon: number): boolean {
    const sentAt = f.exchange && this.sentAtOf.get(f.exchange);
    const status = f.exchange?.response?.status;
    return sentAt === undefined || sentAt < horizon || status === undefined || !POISON_STATUSES.has(status);
  }

  /** False for a finding on an answer found poisoned (after it was judged). */
  keeps = (f: Finding): boolean => {
    const sentAt = f.exchange && this.sentAtOf.get(f.exchange);
    if (!this.poisoning || sentAt === undefined) return true;
    const write = !READS.has(f.exchange!.case.method.toUpperCase());
    const poisoned = isPoisoned(this.poisoning, { sentAt, write, signature: signatureOf(f.exchange!) });
    if (poisoned) this.spoiled.add(f.operation);
    return !poisoned;
  };

  /** The warning that names the request which poisoned the target. */
  finding(p: Poisoning): Finding {
    const c = p.culprit.exchange!.case;
    const what = p.writesOnly ? 'every write' : 'every request';
    return {
      checkId: targetPoisoned.id,
      severity: 'warn',
      operation: p.culprit.operation,
      ...(c.operationId ? { operationId: c.operationId } : {}),
      cause: `answers flipped to ${p.signature.split(' ')[0]} after this request`,
      message: `After this request (case ${c.id}), ${what} of ${p.operations.join(', ')} answered ${p.signature}: the run changed the target's state. Those answers are not judged; exclude the operation (--exclude) or let it run last.`,
      caseId: c.id,
      seed: c.seed,
      exchange: p.culprit.exchange!,
    };
  }

  /** Adds to `notes` what poisoned the target and how many answers were left unjudged, if it was poisoned. */
  noteInto(notes: string[]): void {
    const p = this.poisoning;
    if (!p) return;
    const c = p.culprit.exchange!.case;
    notes.push(
      `target poisoned: after ${c.method} ${c.path} (case ${c.id}), ${[...this.spoiled].join(', ')} answered ${p.signature}; ${this.inconclusive} answer(s) and their findings not judged as drift (inconclusive)`,
    );
  }
}
