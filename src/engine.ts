/**
 * The per-operation phase of a run, `cases → send → check → probes`, with `workers` requests in flight. The
 * decisions are pure and live in their stages: what to send next (`plan/schedule.ts`) and how an operation's
 * accumulator moves (`plan/operation-run.ts`), what the checks say (`check/`), which probes follow
 * (`check/derive-probes.ts`). This module only moves cases to the composed dispatch and exchanges to the checks.
 */
import type { CheckContext, JudgingCheck } from './check/check.ts';
import { operationContext } from './check/context.ts';
import { deriveProbes } from './check/derive-probes.ts';
import { runChecks } from './check/index.ts';
import type { CaseSource, Prepared } from './generate/case-source.ts';
import { shrinkFindings, type ShrinkCase } from './generate/shrink-findings.ts';
import * as acc from './plan/operation-run.ts';
import type { OperationRun, QueueItem } from './plan/operation-run.ts';
import { nextTask, soonest } from './plan/schedule.ts';
import { dedupeFindings } from './report/findings.ts';
import type { Dispatcher } from 'undici';
import type { RunOptions } from './run-options.ts';
import { compose, sender, type Dispatch } from './send/dispatch.ts';
import * as intercept from './send/interceptors/index.ts';
import { createRateLimiter } from './send/rate-limit.ts';
import type { Case, Exchange, Finding, Operation, Plan, ReportedFinding, Spec } from './types.ts';
import type { Validator } from './validate/index.ts';

/** What the engine needs from the pipeline. */
export interface EngineInput {
  spec: Spec;
  plan: Plan;
  validator: Validator;
  /** The selected checks that judge single exchanges, in order. */
  checks: JudgingCheck[];
  options: RunOptions;
  dispatcher: Dispatcher;
  baseUrl: string;
  cases: CaseSource;
  /** Gives a case the run's credentials (shrunk cases), or strips them (probes that must go without). */
  auth: { authorize(c: Case, operation: Operation): Case; strip(c: Case, operation: Operation): Case };
  shrinkCase?: ShrinkCase;
  toCurl?: (exchange: Exchange) => string;
  /** The run's notes (harness notes, not findings). */
  notes: string[];
  /** An operation is done: its deduplicated findings. */
  onDone(index: number, findings: ReportedFinding[]): Promise<void>;
  /** Optional: an exchange was judged (its summary is streamed to the report). */
  onExchange?(exchange: Exchange, verdict: { findings: readonly Finding[]; inconclusive?: string }): void;
}

/** The phase: `run()` resolves once every operation is done or the run stopped. */
export class Engine {
  /** One accumulator per planned operation, replaced (never changed) at every step. */
  readonly ops: OperationRun[];
  readonly limits: intercept.RunLimits;
  private readonly tally = intercept.createTally();
  private readonly contexts: CheckContext[];
  private readonly indexOf: Map<string, number>;
  private readonly dispatch: Dispatch;
  /** Shrinking sends outside the budget and the back-off, as a re-judged replay of one finding. */
  private readonly plain: Dispatch;

  constructor(private readonly input: EngineInput) {
    this.ops = input.plan.operations.map(acc.newOperationRun);
    this.indexOf = new Map(this.ops.map((op, i) => [op.planned.operation.key, i]));
    const o = input.options;
    const run = { ...input, maxResponseTimeMs: o.maxResponseTimeMs };
    this.contexts = this.ops.map((op) => operationContext(run, op.planned));
    this.limits = intercept.createRunLimits(o, this.tally.sent);
    const recorder: intercept.Recorder = {
      sending: (c) => (this.tally.sending(c), this.update(this.at(c.operation), acc.counted)),
      received: this.tally.received,
    };
    const shared = [
      intercept.rateLimit(createRateLimiter(o.rateLimit ?? 0)),
      intercept.record(recorder),
      intercept.streamGuard(this.watch),
    ];
    const { dispatcher, baseUrl } = input;
    const transport = { dispatcher, baseUrl, timeoutMs: o.timeoutMs, maxResponseBytes: o.maxResponseBytes };
    const base = sender({ ...transport, ...(o.signal ? { signal: o.signal } : {}) });
    this.plain = compose(base, ...shared);
    this.dispatch = compose(base, intercept.budget(this.limits, o.signal), intercept.backOff(o), ...shared);
  }

  /** Requests sent so far by this phase (probes, retries and shrinking included). */
  sent = (): number => this.tally.sent();

  /** The connect error when every request failed to connect, else ''. */
  unreachable = (): string => this.tally.unreachable();

  run(): Promise<void> {
    const steps: Steps = {
      process: (i, item) => this.process(i, item),
      finish: (i) => this.finish(i),
      prepare: (i) => this.prepare(i),
      stopped: this.limits.stopped,
    };
    return runWorkers(this.ops, this.input.options.workers, steps);
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

  private async process(i: number, item: QueueItem): Promise<void> {
    const out = await this.dispatch(item.case, { attempt: item.attempt });
    if ('skipped' in out) return;
    if ('retryInMs' in out) return this.update(i, (op) => acc.deferred(op, item, out.retryInMs, performance.now()));
    const verdict = runChecks(out.exchange, this.input.checks, this.contexts[i]!);
    this.input.notes.push(...verdict.notes);
    this.input.onExchange?.(out.exchange, verdict);
    this.update(i, (op) => acc.judged(op, item, out.exchange, verdict));
    if (!item.probeBy && !this.limits.stopped()) this.queueProbes(i, out.exchange, true);
  }

  private queueProbes(i: number, exchange: Exchange, acceptedOnly: boolean): void {
    const op = this.ops[i]!;
    const options = {
      limit: this.input.options.probesPerOperation,
      ...(acceptedOnly ? { acceptedBy: op.planned.policy } : {}),
    };
    const d = deriveProbes(this.input.checks, exchange, this.contexts[i]!, op.tally.probesBy, options);
    this.input.notes.push(...d.notes);
    const strip = (c: Case): Case => this.input.auth.strip(c, op.planned.operation);
    const probes = d.probes.map((p) => ({ ...p, case: p.omitsCredentials ? strip(p.case) : p.case }));
    this.update(i, (run) => acc.withProbes(run, probes, d.asked));
  }

  private async finish(i: number): Promise<void> {
    try {
      if (!this.ops[i]!.fallbackProbed && !this.limits.stopped()) {
        // No accepted valid case produced probes: fall back to any valid case that got a response.
        this.update(i, (op) => ({ ...op, fallbackProbed: true }));
        for (const ex of this.ops[i]!.exchanges) this.queueProbes(i, ex, false);
        if (this.ops[i]!.queue.length > 0) return this.update(i, (op) => ({ ...op, phase: 'running' }));
      }
      const findings = await this.shrink(i, this.ops[i]!.findings);
      const curl = this.input.toCurl;
      const reported = dedupeFindings(findings).map((f) => (f.exchange && curl ? { ...f, curl: curl(f.exchange) } : f));
      this.update(i, acc.finished);
      await this.input.onDone(i, reported);
    } catch (error) {
      const key = this.ops[i]!.planned.operation.key;
      this.input.notes.push(`${key}: internal error while finishing: ${(error as Error).message}`);
      this.update(i, (op) => ({ ...op, phase: 'done' }));
    }
  }

  private async shrink(i: number, findings: readonly Finding[]): Promise<Finding[]> {
    const { shrinkCase, options } = this.input;
    if (!shrinkCase || this.limits.stopped()) return [...findings];
    const operation = this.ops[i]!.planned.operation;
    const judgeFor = (finding: Finding) => {
      const check = this.input.checks.find((c) => c.id === finding.checkId);
      if (!check) return undefined;
      return async (candidate: Case): Promise<Finding | undefined> => {
        const out = await this.plain(this.input.auth.authorize(candidate, operation), { attempt: 1 });
        if (!('exchange' in out)) return undefined;
        return runChecks(out.exchange, [check], this.contexts[i]!).findings.find((f) => f.cause === finding.cause);
      };
    };
    const onError = (note: string): void => void this.input.notes.push(note);
    return shrinkFindings(findings, { shrinkCase, judgeFor, budget: options.shrinkBudget, onError });
  }

  /** Queues an operation's cases: now, or once the generation thread made them. */
  private prepare(i: number): void | Promise<void> {
    const take = (p: Prepared): void => {
      this.update(i, (op) => acc.withCases(op, p.cases, p.notes));
      const key = this.ops[i]!.planned.operation.key;
      if (p.cases.length > 0) this.input.notes.push(...p.notes.map((w) => `${key}: ${w}`));
    };
    const ready = this.input.cases(this.ops[i]!.planned);
    return ready instanceof Promise ? ready.then(take) : take(ready);
  }
}

/** What the workers do with a task. */
export interface Steps {
  /** Queues an operation's cases; a promise means they are made elsewhere (workers serve others meanwhile). */
  prepare(i: number): void | Promise<void>;
  process(i: number, item: QueueItem): Promise<void>;
  finish(i: number): Promise<void>;
  stopped(): boolean;
}

/**
 * `workers` loops taking the next task (`plan/schedule.ts`) until none is left; a worker with nothing ready
 * waits for a change. `ops` is the run's list of accumulators: each slot is replaced, never changed in place.
 */
export async function runWorkers(ops: OperationRun[], workers: number, steps: Steps): Promise<void> {
  let wake: () => void = () => undefined;
  let changed = new Promise<void>((r) => (wake = r));
  const signal = (): void => {
    const w = wake;
    changed = new Promise<void>((r) => (wake = r));
    w();
  };
  const phase = (i: number, p: OperationRun['phase']): void => void (ops[i] = { ...ops[i]!, phase: p });
  const prepare = (i: number): void => {
    const ready = steps.prepare(i);
    if (!ready) return phase(i, 'running');
    phase(i, 'preparing');
    // Cases that arrive after a stop are never sent: the operation stays unreached.
    const settle = (): void => (phase(i, steps.stopped() ? 'pending' : 'running'), signal());
    ready.then(settle, settle);
  };
  let first = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const d = nextTask(ops, first, performance.now(), steps.stopped());
      first = d.first;
      for (const w of d.writes) ops[w.index] = w.op;
      const task = d.task;
      if (task.kind === 'done') return;
      if (task.kind === 'prepare') prepare(task.index);
      else if (task.kind === 'wait') await idle(changed, soonest(ops, first));
      else if (task.kind === 'finish') await steps.finish(task.index);
      else
        await steps.process(task.index, task.item).finally(() => void (ops[task.index] = acc.sent(ops[task.index]!)));
      if (task.kind === 'finish' || task.kind === 'send') signal();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
}

/** Waits for a change on the board, or until the soonest back-off ends (5 ms to 250 ms). */
async function idle(changed: Promise<void>, soonestAt: number): Promise<void> {
  const delay = Math.max(5, Math.min(250, soonestAt - performance.now()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((r) => (timer = setTimeout(r, Number.isFinite(delay) ? delay : 250)));
  await Promise.race([changed, timeout]);
  clearTimeout(timer);
}
