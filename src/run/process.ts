/**
 * What happens to one request and to one finished operation: send under the rate limit and the run's
 * limits, back off on 429/503, judge, derive probes; at the end run sequence checks, shrink and dedupe.
 */
import type { Dispatcher } from 'undici';
import type { ReportedFinding, Exchange } from '../types.ts';
import {
  isBackOffStatus,
  isEventStream,
  retryAfterMs,
  send,
  type RateLimiter,
  type StreamEventHook,
} from '../send/index.ts';
import type { RunDeps } from './deps.ts';
import { dedupeFindings } from '../report/findings.ts';
import { runSequenceChecks } from '../check/index.ts';
import { deriveProbes, judge, record, type JudgeEnv, type OperationState, type QueueItem } from './operation.ts';
import type { RunOptions } from '../run-options.ts';
import type { SchedulerHooks } from './scheduler.ts';
import { shrinkFindings } from '../generate/shrink-findings.ts';

/** Inputs of the processor. */
export interface ProcessorInput {
  options: RunOptions;
  deps: RunDeps;
  env: JudgeEnv;
  dispatcher: Dispatcher;
  targetUrl: string;
  limiter: RateLimiter;
  notes: string[];
  onDone(state: OperationState, findings: ReportedFinding[]): Promise<void>;
}

const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'DNS', 'TLS']);

/** Creates the scheduler hooks of a run plus what the run asks afterwards. */
export function createProcessor(input: ProcessorInput) {
  const { options, env } = input;
  const startedAt = performance.now();
  let sent = 0;
  let connectFailures = 0;
  let lastConnectError = '';
  let stopReason: string | undefined;

  const stopped = (): boolean => {
    if (stopReason) return true;
    if (options.signal?.aborted) stopReason = 'interrupted: reports cover what ran before the interrupt';
    else if (options.maxRequests !== undefined && sent >= options.maxRequests)
      stopReason = `stopped after --max-requests ${options.maxRequests}`;
    else if (options.maxDurationMs !== undefined && performance.now() - startedAt >= options.maxDurationMs)
      stopReason = `stopped after --max-duration ${options.maxDurationMs / 1000} s`;
    return stopReason !== undefined;
  };

  const sendOne = async (state: OperationState, item: QueueItem): Promise<Exchange> => {
    await input.limiter.acquire();
    sent++;
    state.requests++;
    const exchange = await send(item.case, {
      dispatcher: input.dispatcher,
      baseUrl: input.targetUrl,
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      ...(options.signal ? { signal: options.signal } : {}),
      onResponse: (ex) => streamGuard(ex, state, env),
    });
    if (exchange.error && CONNECT_FAILURES.has(exchange.error.code)) {
      connectFailures++;
      lastConnectError = exchange.error.code;
    }
    return exchange;
  };

  const process = async (state: OperationState, item: QueueItem): Promise<void> => {
    if (stopped()) return;
    const exchange = await sendOne(state, item);
    if (exchange.error && options.signal?.aborted) return; // cut by our own Ctrl-C: not the API's fault
    const response = exchange.response;
    const retryAfter = response?.headers['retry-after'];
    if (
      response &&
      isBackOffStatus(response.status) &&
      item.attempt < options.maxAttempts &&
      (response.status === 429 || retryAfter !== undefined)
    ) {
      // Back off on this operation only: the case goes back to the front, other operations carry on.
      const wait = retryAfterMs(retryAfter, { capMs: options.retryAfterCapMs, fallbackMs: 1000 });
      state.notBefore = Math.max(state.notBefore, performance.now() + wait);
      state.queue.unshift({ ...item, attempt: item.attempt + 1 });
      state.retries++;
      state.retryWaitMs += wait;
      return;
    }
    judge(state, item, exchange, env);
    if (!item.probeBy && !stopped())
      state.queue.push(...deriveProbes(state, exchange, env, options.probesPerOperation, true));
  };

  const finish = async (state: OperationState): Promise<void> => {
    try {
      if (!state.fallbackProbed && !stopped()) {
        // No accepted valid case produced probes: fall back to any valid case that got a response.
        state.fallbackProbed = true;
        for (const ex of state.exchanges)
          state.queue.push(...deriveProbes(state, ex, env, options.probesPerOperation, false));
        if (state.queue.length > 0) {
          state.phase = 'running';
          return;
        }
      }
      runSequences(state, env);
      if (input.deps.shrinkCase && !stopped())
        await shrinkFindings(
          state,
          env,
          input.deps.shrinkCase,
          (s, c) => sendOne(s, { case: c, attempt: 1 }),
          options.shrinkBudget,
        );
      const reported = dedupeFindings(state.findings).map((f) =>
        f.exchange && input.deps.toCurl ? { ...f, curl: input.deps.toCurl(f.exchange) } : f,
      );
      state.phase = 'done';
      // Only the deduplicated findings (one exchange each) outlive the operation: memory stays flat on big specs.
      state.exchanges = [];
      state.findings = [];
      await input.onDone(state, reported);
    } catch (error) {
      input.notes.push(`${state.planned.operation.key}: internal error while finishing: ${(error as Error).message}`);
      state.phase = 'done';
    }
  };

  const hooks: Omit<SchedulerHooks, 'prepare'> = { process, finish, stopped };
  return {
    hooks,
    stopNotes: (): string[] => (stopReason ? [stopReason] : []),
    /** Requests sent so far by the per-operation phase (probes, retries and shrinking included). */
    sent: (): number => sent,
    /** The connect error when every request failed to connect, else ''. */
    unreachable: (): string => (sent > 0 && connectFailures === sent ? lastConnectError : ''),
  };
}

/**
 * For event streams: judges events as they arrive and stops reading at the first error-level finding, so a broken
 * or endless stream is not read to the deadline. The recorded events are judged again by the check itself.
 */
function streamGuard(exchange: Exchange, state: OperationState, env: JudgeEnv): StreamEventHook | undefined {
  const check = env.selected.find((c) => c.kind === 'stream');
  if (!isEventStream(exchange.response?.headers['content-type']) || check?.kind !== 'stream') return undefined;
  const severity = state.context.severities?.[check.id] ?? 'error';
  const checker = check.watch(exchange, { ...state.context, severity });
  return checker && ((event) => (checker.event(event).some((f) => f.severity === 'error') ? 'stop' : undefined));
}

function runSequences(state: OperationState, env: JudgeEnv): void {
  if (state.exchanges.length > 0) record(state, runSequenceChecks(state.exchanges, env.selected, state.context), env);
}
