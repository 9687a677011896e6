/**
 * What one suite run shares across its workflows: options with defaults, the transport, the response checks
 * every step exchange goes through, the exchanges and findings so far, and the webhook receivers it started.
 */
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { Check, CheckContext } from '../check/check.ts';
import { runChecks } from '../check/index.ts';
import { send } from '../send/index.ts';
import type { Case, Exchange, Finding, Operation, SourceLocation, Spec, StatusPolicy } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import type { WebhookReceiver } from '../webhooks/receiver.ts';
import type { GenerateOne } from './request.ts';
import type { Step, Suite, Workflow } from './suite-types.ts';

/** How workflow requests reach the API: shared by suites (`runSuite`) and stateful chains (`runStateful`). */
export interface WorkflowTransport {
  baseUrl: string;
  /** Headers sent with every request (credentials); a step's own header parameters win. */
  headers?: Record<string, string>;
  /** Applies credentials to a Case (the run's auth placement); runs after `headers`, before a step's own headers. */
  authorize?: (c: Case, op: Operation) => Case;
  dispatcher?: Dispatcher;
  seed?: number;
  timeoutMs?: number;
  validator?: Validator;
  checks?: readonly Check[];
}

/** Options of `runSuite`. */
export interface SuiteOptions extends WorkflowTransport {
  maxResponseBytes?: number;
  /** Workflow inputs (over the defaults of each workflow's `inputs` schema). */
  inputs?: Record<string, unknown>;
  /** Only these workflows (and what they depend on); all when absent. */
  workflows?: string[];
  /** Checks every step exchange is judged by (default: the `suite` profile of src/check/index.ts). */
  checks?: readonly Check[];
  generate?: GenerateOne;
  /** Upper bound on step executions per workflow (goto/retry loops). */
  maxStepRuns?: number;
  signal?: AbortSignal;
}

/** How one step ended. */
export interface StepResult {
  workflowId: string;
  stepId: string;
  operation?: string;
  status: 'passed' | 'failed' | 'skipped';
  attempts: number;
  /** Why it failed or was skipped. */
  message?: string;
  /** Exchanges of its last attempt (several for `x-specgate-foreach`). */
  exchanges: Exchange[];
  findings: Finding[];
  location: string;
}

/** What `runSuite` resolves to. */
export interface SuiteResult {
  findings: Finding[];
  exchanges: Exchange[];
  steps: StepResult[];
  workflows: Array<{ workflowId: string; status: 'passed' | 'failed' | 'skipped'; message?: string }>;
}

const POLICY: StatusPolicy = {
  rejected: [400, 401, 402, 403, 404, 405, 406, 409, 413, 414, 415, 422, 428, 429, 431],
  accepted: [200, 201, 202, 203, 204, 206],
  source: 'suite',
};

/** The state of one running suite. */
export class RunState {
  readonly exchanges: Exchange[] = [];
  readonly findings: Finding[] = [];
  readonly steps: StepResult[] = [];
  /** Webhook receivers started by `webhook-receiver` steps, by `<workflowId>/<stepId>`. */
  readonly receivers = new Map<string, WebhookReceiver>();
  private readonly seen = new Set<string>();
  /** Unique per run (`$inputs.specgateRunId`). */
  readonly runId = randomBytes(6).toString('hex');

  constructor(
    readonly spec: Spec,
    readonly suite: Suite,
    readonly options: Required<Pick<SuiteOptions, 'seed' | 'timeoutMs' | 'maxResponseBytes' | 'maxStepRuns'>> &
      SuiteOptions,
    readonly dispatcher: Dispatcher,
    readonly validator: Validator,
    readonly checks: readonly Check[],
  ) {}

  /** Adds findings once per (check, operation, cause). */
  report(findings: Finding[]): Finding[] {
    const fresh = findings.filter((f) => {
      const key = `${f.checkId}\u0000${f.operation}\u0000${f.cause}`;
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      return true;
    });
    this.findings.push(...fresh);
    return fresh;
  }

  /** Sends a step's case with the run's credentials and judges the exchange with the response checks. */
  async send(c: Case, op: Operation): Promise<{ exchange: Exchange; findings: Finding[] }> {
    const stepHeaders = c.headers;
    let authed: Case = { ...c, headers: { ...lower(this.options.headers ?? {}) } };
    if (this.options.authorize) authed = this.options.authorize(authed, op);
    authed = { ...authed, headers: { ...authed.headers, ...stepHeaders } };
    const exchange = await send(authed, {
      dispatcher: this.dispatcher,
      baseUrl: this.options.baseUrl,
      timeoutMs: this.options.timeoutMs,
      maxResponseBytes: this.options.maxResponseBytes,
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
    this.exchanges.push(exchange);
    if (!exchange.response) return { exchange, findings: [] };
    const ctx: CheckContext = {
      spec: this.spec,
      validator: this.validator,
      operation: op,
      seed: this.options.seed,
      policy: POLICY,
      severity: 'error',
      maxResponseTimeMs: this.options.timeoutMs,
    };
    return { exchange, findings: runChecks(exchange, this.checks, ctx).findings };
  }

  /** A finding about a step of the suite, located in the suite file. */
  stepFinding(
    w: Workflow,
    s: Step,
    op: Operation | undefined,
    checkId: string,
    message: string,
    cause: string,
    exchange?: Exchange,
    pointer = s.pointer,
  ): Finding {
    const [file, line, column] = this.suite.where(pointer).split(/:(?=\d+:\d+$)|:(?=\d+$)/);
    const specLocation: SourceLocation = {
      file: file ?? this.suite.file,
      line: Number(line ?? 1),
      column: Number(column ?? 1),
      pointer,
    };
    const f: Finding = {
      checkId,
      severity: 'error',
      operation: op?.key ?? `WORKFLOW ${w.workflowId}`,
      message,
      cause: `${w.workflowId}/${s.stepId}: ${cause}`,
      specLocation,
      seed: this.options.seed,
    };
    if (op?.operationId) f.operationId = op.operationId;
    if (exchange) Object.assign(f, { exchange, caseId: exchange.case.id });
    return f;
  }
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
