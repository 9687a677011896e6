/**
 * The per-operation phase, `cases → send → check → probes → burst`, `workers` requests in flight, in rounds
 * (`plan/rounds.ts`: round 1 is the plan, later rounds deepen until the budget is spent; a barrier per round keeps
 * cases independent of concurrency). Decisions are pure and live in plan/ and check/; this module moves values.
 */
import type { CheckContext } from './check/check.ts';
import { operationContext } from './check/context.ts';
import { deriveProbes } from './check/derive-probes.ts';
import { planBurst } from './check/rate-limit-burst.ts';
import { runChecks, type CheckOutcome } from './check/index.ts';
import { limitFindings } from './check/judge-limit.ts';
import type { Prepared } from './generate/case-source.ts';
import { shrinkOperation } from './engine-shrink.ts';
import { burstNote, withBurst, worthBursting } from './plan/burst-run.ts';
import * as acc from './plan/operation-run.ts';
import type { OperationRun, QueueItem } from './plan/operation-run.ts';
import { probeAllowance } from './plan/live-probes.ts';
import { explorationDepth, firstTaste, unpark } from './plan/rounds.ts';
import { explore } from './explore.ts';
import { compose, sender, type Dispatch } from './send/dispatch.ts';
import * as intercept from './send/interceptors/index.ts';
import { createRateLimiter } from './send/rate-limit.ts';
import type { Case, Exchange, Finding } from './types.ts';
import { conflicted, Feedback } from './feedback.ts';
import { FindingStore } from './finding-store.ts';
import { PoisonWatch } from './poison-watch.ts';
import { eachAtOnce, runWorkers, type Steps } from './workers.ts';
import type { EngineInput } from './engine-input.ts';

export type { EngineInput } from './engine-input.ts';

/** The phase: `run()` resolves once every operation is done or the run stopped. */
export class Engine {
  /** One accumulator per planned operation, replaced (never changed) at every step. */
  readonly ops: OperationRun[];
  readonly limits: intercept.RunLimits;
  private readonly tally = intercept.createTally();
  private sentElsewhere = 0;
  private readonly poison = new PoisonWatch();
  private readonly found: FindingStore;
  private readonly contexts: CheckContext[];
  private readonly indexOf: Map<string, number>;
  private readonly dispatch: Dispatch;
  /** Shrinking sends without the back-off (a re-judged replay of one finding), inside the run's hard limits. */
  private readonly plain: Dispatch;
  /** What the run learnt from the API so far: live values, accepted creates, requests sent. */
  readonly feedback: Feedback;
  private tasting = false;

  constructor(private readonly input: EngineInput) {
    this.ops = input.plan.operations.map(acc.newOperationRun);
    this.indexOf = new Map(this.ops.map((op, i) => [op.planned.operation.key, i]));
    this.feedback = new Feedback(this.ops.length);
    this.found = new FindingStore(this.ops.length, this.poison);
    const o = input.options;
    const run = { ...input, maxResponseTimeMs: o.maxResponseTimeMs };
    this.contexts = this.ops.map((op) => operationContext(run, op.planned));
    this.limits = intercept.createRunLimits(o, this.sent, this.tally.down);
    const recorder: intercept.Recorder = {
      sending: (c) => (this.tally.sending(c), this.poison.sending(c), this.update(this.at(c.operation), acc.counted)),
      received: (ex) => (this.tally.received(ex), input.observe?.(ex)),
    };
    const shared = [
      intercept.rateLimit(createRateLimiter(o.rateLimit ?? 0)),
      intercept.record(recorder),
      intercept.streamGuard(this.watch),
    ];
    const { dispatcher, baseUrl } = input;
    const transport = { dispatcher, baseUrl, timeoutMs: o.timeoutMs, maxResponseBytes: o.maxResponseBytes };
    const base = sender({ ...transport, ...(o.signal ? { signal: o.signal } : {}) });
    const budget = intercept.budget(this.limits, o.signal);
    this.plain = compose(base, budget, ...shared);
    this.dispatch = compose(base, budget, intercept.backOff(o), ...shared);
  }

  /** Requests sent so far by this phase (probes, retries, shrinking); the connect error if every request failed. */
  sent = (): number => this.tally.sent() + this.sentElsewhere;
  unreachable = (): string => this.tally.unreachable();

  /**
   * Round after round until the budget is spent or nothing is left to learn; the operations are finished
   * (shrunk, reported); then `between` (the stateful chains and suites, on a target no switch has touched yet);
   * then the switches, one at a time, and their findings.
   */
  async run(between?: () => Promise<void>): Promise<void> {
    const depth = explorationDepth(this.input.options);
    this.tasting = depth === Infinity; // a budget ends the run: breadth first (plan/rounds.ts firstTaste)
    const { workers } = this.input.options;
    const parked = await explore(this.ops, {
      workers,
      depth,
      limits: this.limits,
      feedback: this.feedback,
      steps: this.steps,
    });
    await this.finishAll((i) => !parked.includes(i));
    await between?.();
    unpark(this.ops, parked);
    this.tasting = false; // the switches' one run sends their whole plan
    if (parked.length > 0) await runWorkers(this.ops, workers, this.steps(this.limits.stopped, false));
    await this.finishAll((i) => parked.includes(i));
    this.poison.noteInto(this.input.notes);
  }

  /** Requests another phase sent between the rounds and the switches: they count against --max-requests. */
  countSent = (n: number): void => void (this.sentElsewhere += n);

  private steps = (stopped: () => boolean, carry = false): Steps => ({ ...this.work, stopped, carry });
  private readonly work = {
    process: this.process.bind(this),
    finish: this.rest.bind(this),
    prepare: this.prepare.bind(this),
  };

  /** Finishes every operation `which` names that was reached, `workers` at a time. */
  private async finishAll(which: (i: number) => boolean): Promise<void> {
    const reached = [...this.ops.keys()].filter((i) => this.ops[i]!.phase === 'done' || this.ops[i]!.round > 1);
    await eachAtOnce(reached.filter(which), this.input.options.workers, (i) => this.finish(i));
  }

  private at = (key: string): number => this.indexOf.get(key)!;

  private update(i: number, f: (op: OperationRun) => OperationRun): void {
    this.ops[i] = f(this.ops[i]!);
  }

  /** The stream check's incremental judge for the guard, in the context of the exchange's operation. */
  private watch: intercept.StreamWatch = (ex) => {
    const stream = this.input.checks.find((c) => c.kind === 'stream');
    if (stream?.kind !== 'stream') return undefined;
    const ctx = this.contexts[this.at(ex.case.operation)]!;
    const w = stream.watch(ex, { ...ctx, severity: ctx.severities?.[stream.id] ?? 'error' });
    return w && ((event) => w.event(event));
  };

  private process(i: number, item: QueueItem): Promise<void> {
    return this.poison.during(() => this.judge(i, item));
  }

  private async judge(i: number, item: QueueItem): Promise<void> {
    const out = await this.dispatch(item.case, { attempt: item.attempt, judgeLimits: item.burst ?? false });
    if ('skipped' in out) return;
    if ('retryInMs' in out) {
      this.found.add(i, limitFindings(out.exchange, this.input.checks, this.contexts[i]!));
      return this.update(i, (op) => acc.deferred(op, item, out.retryInMs, performance.now()));
    }
    const checked = runChecks(out.exchange, this.input.checks, this.contexts[i]!);
    this.input.notes.push(...checked.notes);
    const verdict = item.probeBy || item.burst ? checked : this.screen(i, out.exchange, checked);
    this.input.onExchange?.(out.exchange, verdict);
    this.update(i, (op) => acc.judged(op, item, out.exchange, verdict));
    this.found.add(i, verdict.findings);
    if (item.probeBy || item.burst || this.limits.stopped()) return;
    this.queueProbes(i, out.exchange, true);
    if (conflicted(out.exchange)) this.retryFresh(i, item.case);
  }

  /** A documented 409 on a create means "that value is taken": the create is tried once more with fresh values. */
  private retryFresh(i: number, c: Case): void {
    const fresh = this.input.fresh?.(this.ops[i]!.planned, c);
    if (fresh) this.update(i, (op) => acc.withCases(op, [fresh], []));
  }

  /** Poisoned answers are inconclusive (no findings); the request that poisoned the target gets the warning. */
  private screen(i: number, exchange: Exchange, verdict: CheckOutcome): CheckOutcome {
    const { keep, warning: w } = this.poison.judged(exchange, this.ops[i]!.planned, verdict.findings);
    const at = w && (this.ops[this.at(w.operation)]!.phase === 'done' ? i : this.at(w.operation));
    if (at !== undefined) this.found.add(at, [w!]);
    return { ...verdict, findings: keep };
  }

  private queueProbes(i: number, exchange: Exchange, acceptedOnly: boolean): void {
    const op = this.ops[i]!;
    const a = probeAllowance(op.tally.probesBy, exchange, acceptedOnly, this.input.options.probesPerOperation);
    const options = { limit: a.limit, ...(acceptedOnly ? { acceptedBy: op.planned.policy } : {}) };
    const d = deriveProbes(this.input.checks, exchange, this.contexts[i]!, a.asked, options);
    this.input.notes.push(...d.notes);
    const strip = (c: Case): Case => this.input.auth.strip(c, op.planned.operation);
    const probes = d.probes.map((p) => ({ ...p, case: p.omitsCredentials ? strip(p.case) : p.case }));
    this.update(i, (run) => acc.withProbes(run, probes, a.merge(d.asked)));
  }

  /** The end of an operation's round: first the fallback probes (once), then it rests until the next round. */
  private async rest(i: number): Promise<void> {
    if (!this.ops[i]!.fallbackProbed && !this.limits.stopped()) {
      // No accepted valid case produced probes: fall back to any valid case that got a response.
      this.update(i, (op) => ({ ...op, fallbackProbed: true }));
      for (const ex of this.ops[i]!.exchanges) this.queueProbes(i, ex, false);
      if (this.ops[i]!.queue.length > 0) return this.update(i, (op) => ({ ...op, phase: 'running' }));
    }
    if (!this.ops[i]!.burst && !this.limits.stopped() && !(this.tasting && this.ops[i]!.round === 1)) {
      // Once per operation, after its first round's cases (after the taste under a budget): a bounded burst
      // where limits are documented, while earlier bursts left any to try (plan/burst-run.ts).
      const left = (this.input.options.maxRequests ?? Infinity) - this.sent();
      this.update(i, (op) => withBurst(op, worthBursting(this.ops, planBurst(op.exchanges, this.contexts[i]!, left))));
      if (this.ops[i]!.queue.length > 0) return this.update(i, (op) => ({ ...op, phase: 'running' }));
    }
    this.update(i, (op) => ({ ...op, phase: 'done' }));
  }

  private async finish(i: number): Promise<void> {
    try {
      this.input.notes.push(...burstNote(this.ops[i]!.planned.operation.key, this.ops[i]!.burst));
      const reported = await this.found.reported(i, (found) => this.shrink(i, found), this.input.toCurl);
      this.update(i, acc.finished);
      await this.input.onDone(i, reported);
    } catch (error) {
      const key = this.ops[i]!.planned.operation.key;
      this.input.notes.push(`${key}: internal error while finishing: ${(error as Error).message}`);
      this.update(i, (op) => ({ ...op, phase: 'done' }));
    }
  }

  /** Shrinking gets the first half of the budget's reserve; chains and switch operations keep the rest. */
  private shrink(i: number, findings: readonly Finding[]): Promise<Finding[]> {
    if (!this.input.shrinkCase || !this.limits.shrinking()) return Promise.resolve([...findings]);
    const { input, plain } = this;
    const stopped = () => !this.limits.shrinking();
    return shrinkOperation(findings, {
      input,
      plain,
      stopped,
      context: this.contexts[i]!,
      planned: this.ops[i]!.planned,
    });
  }

  /** Queues an operation's cases of its round: now, or once the generation thread made them. */
  private prepare(i: number): void | Promise<void> {
    const { planned, round, ask } = this.ops[i]!;
    const take = (p: Prepared): void => {
      // A later round sends only requests this operation has not sent yet: repeating one teaches nothing.
      const unsent = this.feedback.unsent(i, p.cases, round);
      const [cases, held] = round === 1 && this.tasting ? firstTaste(unsent) : [unsent, []];
      this.update(i, (op) => ({ ...acc.withCases(op, cases, round === 1 ? p.notes : []), held }));
      const key = planned.operation.key;
      if (round === 1 && p.cases.length > 0) this.input.notes.push(...p.notes.map((w) => `${key}: ${w}`));
    };
    const stuck = this.ops[i]!.tally.accepted === 0;
    const deeper = round > 1 && ask ? { round, ...ask, live: this.feedback.live, stuck } : undefined;
    const ready = this.input.cases(planned, deeper);
    return ready instanceof Promise ? ready.then(take) : take(ready);
  }
}
