/**
 * One attempt of one step: evaluate the request, send it (once per item with `x-specgate-foreach`), judge the
 * success criteria (and `x-specgate-stream`), and evaluate the outputs. Non-HTTP steps go to actions.ts.
 */
import type { Case, Exchange, Finding, Operation } from '../types.ts';
import { runAction } from './actions.ts';
import { evaluateCondition } from './condition.ts';
import { failedCriteria } from './criteria.ts';
import { type ExpressionContext } from './expressions.ts';
import { interpolate } from './interpolate.ts';
import { stepCase, stepOperation } from './request.ts';
import type { RunState } from './run-state.ts';
import { streamProblems } from './stream.ts';
import type { Step, Workflow } from './suite-types.ts';
import { workflowStepFailed, sseStreamSemantics } from '../check/index.ts';

/** A reason a step failed; `checkId` defaults to `workflow_step_failed`. */
export interface StepFailure {
  checkId: string;
  message: string;
  cause: string;
  exchange?: Exchange;
  /** Pointer (in the suite) of what failed, e.g. the criterion; the step's own when absent. */
  pointer?: string;
  /** The operation it is about when not the step's own (e.g. the webhook a delivery claims to be). */
  operation?: Operation;
}

/** The outcome of one attempt. */
export interface Attempt {
  ok: boolean;
  failures: StepFailure[];
  /** The expression context after the (last) response, for outputs and action criteria. */
  ctx: ExpressionContext;
  exchanges: Exchange[];
  findings: Finding[];
  outputs: Record<string, unknown>;
}

/** Runs a nested workflow for a `workflowId` step: its inputs in, its outputs and success out. */
export type RunWorkflow = (
  workflowId: string,
  inputs: Record<string, unknown>,
) => Promise<{ ok: boolean; outputs: Record<string, unknown>; message?: string }>;

function parseBody(exchange: Exchange): unknown {
  const body = exchange.response?.body;
  if (body === undefined || body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** The context of a response: `$statusCode`, `$request.*`, `$response.*` on top of the workflow's. */
export function responseContext(base: ExpressionContext, c: Case, exchange: Exchange): ExpressionContext {
  const ctx: ExpressionContext = {
    ...base,
    url: exchange.request.url,
    method: c.method,
    request: {
      headers: exchange.request.headers,
      query: Object.fromEntries(new URLSearchParams(c.query)),
      body: c.body,
    },
    response: { headers: exchange.response?.headers ?? {}, body: parseBody(exchange) },
  };
  if (exchange.response) ctx.statusCode = exchange.response.status;
  return ctx;
}

function outputsOf(step: Step, ctx: ExpressionContext): Record<string, unknown> {
  return Object.fromEntries(Object.entries(step.outputs).map(([k, e]) => [k, interpolate(e, ctx)]));
}

function itemsOf(state: RunState, step: Step, base: ExpressionContext): unknown[] | StepFailure {
  if (!step.forEach) return [undefined];
  const items = interpolate(step.forEach.items, base);
  if (!Array.isArray(items))
    return {
      checkId: workflowStepFailed.id,
      message: `x-specgate-foreach: ${step.forEach.items} is ${items === undefined ? 'absent' : typeof items}, not a list`,
      cause: 'foreach items not a list',
    };
  const { where, as } = step.forEach;
  return where
    ? items.filter((item) => evaluateCondition(where, { ...base, inputs: { ...base.inputs, [as]: item } }))
    : items;
}

/** Runs one attempt of `step`. */
export async function attemptStep(
  state: RunState,
  w: Workflow,
  step: Step,
  base: ExpressionContext,
  attempt: number,
  runWorkflow: RunWorkflow,
): Promise<Attempt> {
  if (step.action) return runAction(state, w, step, base);
  if (step.workflowId) return nestedWorkflow(step, base, runWorkflow);
  const op = stepOperation(state.spec, state.suite, step);
  const items = itemsOf(state, step, base);
  if (!Array.isArray(items))
    return { ok: false, failures: [items], ctx: base, exchanges: [], findings: [], outputs: {} };
  const out: Attempt = { ok: true, failures: [], ctx: base, exchanges: [], findings: [], outputs: {} };
  const perItem: Array<Record<string, unknown>> = [];
  for (const [i, item] of items.entries()) {
    const itemCtx = step.forEach ? { ...base, inputs: { ...base.inputs, [step.forEach.as]: item } } : base;
    const c = stepCase(state.spec, state.suite, w, step, op, itemCtx, {
      seed: state.options.seed,
      attempt,
      ...(state.options.generate ? { generate: state.options.generate } : {}),
    });
    const { exchange, findings } = await state.send(step.forEach ? { ...c, id: `${c.id}/${i}` } : c, op);
    out.exchanges.push(exchange);
    out.findings.push(...findings);
    const ctx = responseContext(itemCtx, c, exchange);
    out.ctx = ctx;
    const label = step.forEach ? ` [item ${i}${itemLabel(item)}]` : '';
    out.failures.push(...judge(step, exchange, ctx, label));
    perItem.push(outputsOf(step, ctx));
  }
  out.ok = out.failures.length === 0;
  out.outputs = step.forEach
    ? Object.fromEntries(Object.keys(step.outputs).map((k) => [k, perItem.map((o) => o[k])]))
    : (perItem[0] ?? {});
  return out;
}

function itemLabel(item: unknown): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? ` ${id}` : '';
}

function judge(step: Step, exchange: Exchange, ctx: ExpressionContext, label: string): StepFailure[] {
  if (!exchange.response) {
    const e = exchange.error!;
    return [
      {
        checkId: workflowStepFailed.id,
        message: `${exchange.request.method} ${exchange.request.url}: no response (${e.code}: ${e.message})`,
        cause: `transport ${e.code}${label}`,
        exchange,
      },
    ];
  }
  const failures: StepFailure[] = failedCriteria(step.successCriteria, ctx).map((f) => ({
    checkId: workflowStepFailed.id,
    message: `${f.message}\n(${exchange.request.method} ${new URL(exchange.request.url).pathname}${label})`,
    cause: `${f.criterion.condition}${label}`,
    exchange,
    pointer: f.criterion.pointer,
  }));
  if (step.stream && failures.length === 0) {
    for (const p of streamProblems(exchange, step.stream))
      failures.push({
        checkId: sseStreamSemantics.id,
        message: `Stream: ${p}${label}`,
        cause: `stream: ${p.split(':')[0]!.replace(/\d+/g, 'N')}`,
        exchange,
      });
  }
  return failures;
}

async function nestedWorkflow(step: Step, base: ExpressionContext, runWorkflow: RunWorkflow): Promise<Attempt> {
  const inputs = Object.fromEntries(step.parameters.map((p) => [p.name, interpolate(p.value, base)]));
  const r = await runWorkflow(step.workflowId!, inputs);
  const ctx: ExpressionContext = {
    ...base,
    workflows: { ...base.workflows, [step.workflowId!]: { inputs, outputs: r.outputs } },
  };
  const failures: StepFailure[] = r.ok
    ? []
    : [
        {
          checkId: workflowStepFailed.id,
          message: `workflow ${step.workflowId} failed: ${r.message ?? ''}`,
          cause: `workflow ${step.workflowId} failed`,
        },
      ];
  return { ok: r.ok, failures, ctx, exchanges: [], findings: [], outputs: { ...r.outputs, ...outputsOf(step, ctx) } };
}
