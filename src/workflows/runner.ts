/**
 * `runSuite`: runs the workflows of an Arazzo suite against an API, in `dependsOn` order, step by step with
 * Arazzo's success/failure actions (`end`, `goto`, `retry` with `retryAfter`/`retryLimit`). A step whose
 * criteria do not hold ends its workflow with a `workflow_step_failed` finding (located in the suite file);
 * every exchange is also judged by the response-conformance checks, so drift on the way is reported too.
 * @see https://spec.openapis.org/arazzo/v1.0.1#workflow-object
 */
import { Agent } from 'undici';
import type { Check } from '../check/check.ts';
import { checksOf, PROFILES } from '../check/index.ts';
import { HarnessError } from '../errors.ts';
import type { Spec } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { holds } from './criteria.ts';
import { type ExpressionContext } from './expressions.ts';
import { interpolate } from './interpolate.ts';
import { generateCases } from '../generate/index.ts';
import { stepOperation, type GenerateOne } from './request.ts';
import { RunState, type SuiteOptions, type SuiteResult } from './run-state.ts';
import { inputsFor, ordered } from './workflow-order.ts';
import { attemptStep, type Attempt } from './run-step.ts';
import type { Action, Step, Suite, Workflow } from './suite-types.ts';

/** Checks that judge any response on its own (no generated-case semantics), run on every step exchange. */
export const SUITE_CHECK_IDS: readonly string[] = PROFILES.suite;

type WorkflowOutcome = { ok: boolean; outputs: Record<string, unknown>; message?: string };

/** Runs `suite` against `options.baseUrl` and resolves to its findings, exchanges and per-step results. */
export async function runSuite(spec: Spec, suite: Suite, options: SuiteOptions): Promise<SuiteResult> {
  for (const w of suite.workflows)
    for (const s of w.steps) if (s.operationId || s.operationPath) stepOperation(spec, suite, s);
  const dispatcher = options.dispatcher ?? new Agent({ connections: 4, pipelining: 1 });
  const checks: readonly Check[] = options.checks ?? checksOf('suite');
  const validator = options.validator ?? createValidator(spec);
  const generate: GenerateOne =
    options.generate ?? ((s, op, seed) => generateCases(s, op, { kind: 'positive', count: 1, seed, validator })[0]);
  const state = new RunState(
    spec,
    suite,
    {
      seed: 0,
      timeoutMs: 30_000,
      maxResponseBytes: 4 * 1024 * 1024,
      maxStepRuns: 500,
      ...options,
      generate,
    },
    dispatcher,
    validator,
    checks,
  );
  const outcomes = new Map<string, WorkflowOutcome>();
  const result: SuiteResult = {
    findings: state.findings,
    exchanges: state.exchanges,
    steps: state.steps,
    workflows: [],
  };
  try {
    for (const w of ordered(suite, options.workflows)) {
      const failedDep = w.dependsOn.find((d) => !outcomes.get(d)?.ok);
      if (failedDep) {
        result.workflows.push({
          workflowId: w.workflowId,
          status: 'skipped',
          message: `depends on ${failedDep}, which failed`,
        });
        for (const s of w.steps) skip(state, w, s, `workflow skipped: depends on ${failedDep}, which failed`);
        continue;
      }
      const outcome = await runWorkflow(state, w, inputsFor(w, options.inputs ?? {}, state.runId), outcomes);
      outcomes.set(w.workflowId, outcome);
      result.workflows.push({
        workflowId: w.workflowId,
        status: outcome.ok ? 'passed' : 'failed',
        ...(outcome.message ? { message: outcome.message } : {}),
      });
    }
    unreachable(state);
  } finally {
    await Promise.all([...state.receivers.values()].map((r) => r.close()));
    if (!options.dispatcher) await dispatcher.close().catch(() => undefined);
  }
  return result;
}

function unreachable(state: RunState): void {
  const all = state.exchanges;
  if (all.length > 0 && all.every((e) => e.error?.code === 'ECONNREFUSED' || e.error?.code === 'DNS')) {
    throw new HarnessError(
      'TARGET_UNREACHABLE',
      `every request to ${state.options.baseUrl} failed to connect (${all[0]!.error!.code})`,
    );
  }
}

function skip(state: RunState, w: Workflow, s: Step, message: string): void {
  state.steps.push({
    workflowId: w.workflowId,
    stepId: s.stepId,
    status: 'skipped',
    attempts: 0,
    message,
    exchanges: [],
    findings: [],
    location: state.suite.where(s.pointer),
  });
}

/** The first action whose criteria all hold. */
function chooseAction(actions: Action[], ctx: ExpressionContext): Action | undefined {
  return actions.find((a) => a.criteria.every((c) => holds(c, ctx)));
}

async function runWorkflow(
  state: RunState,
  w: Workflow,
  inputs: Record<string, unknown>,
  outcomes: Map<string, WorkflowOutcome>,
): Promise<WorkflowOutcome> {
  const ctx: ExpressionContext = {
    inputs,
    steps: {},
    workflows: Object.fromEntries([...outcomes].map(([id, o]) => [id, { outputs: o.outputs }])),
  };
  const nested = async (id: string, given: Record<string, unknown>) => {
    const target = state.suite.workflows.find((x) => x.workflowId === id)!;
    return runWorkflow(state, target, inputsFor(target, given, state.runId), outcomes);
  };
  let i = 0;
  let runs = 0;
  const retries = new Map<string, number>();
  let failed: string | undefined; // a step failed but a goto carried on: the workflow still fails
  while (i < w.steps.length) {
    const step = w.steps[i]!;
    if (++runs > state.options.maxStepRuns)
      return fail(state, w, step, `more than ${state.options.maxStepRuns} step runs (a goto/retry loop?)`, i);
    const attempt = await attemptStep(state, w, step, ctx, retries.get(step.stepId) ?? 0, nested);
    ctx.steps![step.stepId] = { outputs: attempt.outputs };
    const actionCtx = { ...attempt.ctx, steps: ctx.steps };
    const action = chooseAction(attempt.ok ? step.onSuccess : step.onFailure, actionCtx);
    if (action?.type === 'retry') {
      const done = retries.get(step.stepId) ?? 0;
      if (done < (action.retryLimit ?? 1)) {
        retries.set(step.stepId, done + 1);
        state.report(attempt.findings); // drift seen while polling still counts
        await sleep((action.retryAfter ?? 0) * 1000, state.options.signal);
        continue;
      }
    }
    record(state, w, step, attempt, (retries.get(step.stepId) ?? 0) + 1);
    if (!attempt.ok && action?.type !== 'goto')
      return fail(state, w, step, attempt.failures[0]?.message ?? 'failed', i + 1);
    if (!attempt.ok) failed ??= `step ${step.stepId} failed`;
    if (action?.type === 'end') return done(w, ctx, failed);
    if (action?.type === 'goto' && action.workflowId) {
      const r = await nested(action.workflowId, {});
      return { ...r, outputs: { ...workflowOutputs(w, ctx), ...r.outputs } };
    }
    i = action?.type === 'goto' ? w.steps.findIndex((s) => s.stepId === action.stepId) : i + 1;
    retries.delete(step.stepId);
  }
  return done(w, ctx, failed);
}

function done(w: Workflow, ctx: ExpressionContext, failed: string | undefined): WorkflowOutcome {
  return { ok: failed === undefined, outputs: workflowOutputs(w, ctx), ...(failed ? { message: failed } : {}) };
}

function workflowOutputs(w: Workflow, ctx: ExpressionContext): Record<string, unknown> {
  return Object.fromEntries(Object.entries(w.outputs).map(([k, e]) => [k, interpolate(e, ctx)]));
}

/** Records a step's last attempt: its result and its findings (criteria failures plus response-check drift). */
function record(state: RunState, w: Workflow, step: Step, attempt: Attempt, attempts: number): void {
  const op = step.operationId || step.operationPath ? stepOperation(state.spec, state.suite, step) : undefined;
  const failures = attempt.failures.map((f) =>
    state.stepFinding(
      w,
      step,
      f.operation ?? op,
      f.checkId === 'workflow_step_failed' && step.check ? step.check : f.checkId,
      `Step ${w.workflowId}/${step.stepId} failed\n${f.message}`,
      f.cause,
      f.exchange,
      f.pointer,
    ),
  );
  const findings = state.report([...failures, ...attempt.findings]);
  state.steps.push({
    workflowId: w.workflowId,
    stepId: step.stepId,
    status: attempt.ok ? 'passed' : 'failed',
    attempts,
    exchanges: attempt.exchanges,
    findings,
    location: state.suite.where(step.pointer),
    ...(op ? { operation: op.key } : {}),
    ...(attempt.ok ? {} : { message: attempt.failures.map((f) => f.message).join('\n') }),
  });
}

function fail(state: RunState, w: Workflow, step: Step, message: string, from: number): WorkflowOutcome {
  for (const s of w.steps.slice(from))
    if (!state.steps.some((r) => r.workflowId === w.workflowId && r.stepId === s.stepId))
      skip(state, w, s, `not run: step ${step.stepId} failed`);
  return { ok: false, outputs: {}, message: `step ${step.stepId}: ${message}` };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
