/**
 * Step → Case: resolves the step's operation, evaluates its parameters and request body in the workflow's
 * expression context, optionally starts from a generated schema-valid body (`x-specgate-generate: positive`),
 * and serializes the result the way `send` expects.
 * @see https://spec.openapis.org/arazzo/v1.0.1#step-object
 */
import { requestPathTemplate } from '../load/operations.ts';
import { HarnessError } from '../errors.ts';
import type { Case, JsonObject, Operation, Spec } from '../types.ts';
import { type ExpressionContext } from './expressions.ts';
import { interpolate } from './interpolate.ts';
import type { Step, StepParameter, Suite, Workflow } from './suite-types.ts';
import { isObject } from '../json/is-object.ts';
import { unescapeSegment } from '../json/pointer.ts';

/** Generates one positive case for an operation (the generate stage, injected). */
export type GenerateOne = (spec: Spec, op: Operation, seed: number) => Case | undefined;

/** The operation a step calls, or SUITE_INVALID at the step's location. */
export function stepOperation(spec: Spec, suite: Suite, step: Step): Operation {
  let op: Operation | undefined;
  if (step.operationId) {
    const id = step.operationId.replace(/^\$sourceDescriptions\.[^.]+\./, '');
    op = spec.operations.find((o) => o.operationId === id && !o.webhook);
  } else if (step.operationPath) {
    const hash = step.operationPath.indexOf('#');
    const pointer = hash >= 0 ? step.operationPath.slice(hash + 1) : step.operationPath;
    op = spec.operations.find((o) => o.pointer === pointer);
  }
  if (!op) {
    const what = step.operationId ? `operationId "${step.operationId}"` : `operationPath "${step.operationPath}"`;
    const near = spec.operations
      .filter((o) => o.operationId && !o.webhook)
      .map((o) => o.operationId)
      .slice(0, 40)
      .join(', ');
    throw new HarnessError(
      'SUITE_INVALID',
      `step ${step.stepId}: ${what} is not in ${spec.source} (operationIds: ${near})`,
      suite.where(step.pointer),
    );
  }
  return op;
}

/** Where each parameter goes: its own `in`, else the operation's parameter of that name. */
function placed(
  op: Operation,
  params: StepParameter[],
  suite: Suite,
  step: Step,
): Array<StepParameter & { in: NonNullable<StepParameter['in']> }> {
  const byName = new Map<string, StepParameter>();
  for (const p of params) byName.set(`${p.in ?? ''}:${p.name.toLowerCase()}`, p);
  return [...byName.values()].map((p) => {
    const where = p.in ?? op.parameters.find((d) => d.name.toLowerCase() === p.name.toLowerCase())?.in;
    if (!where)
      throw new HarnessError(
        'SUITE_INVALID',
        `parameter "${p.name}" has no "in" and ${op.key} declares no parameter of that name`,
        suite.where(step.pointer),
      );
    return { ...p, in: where };
  });
}

function setPointer(target: unknown, pointer: string, value: unknown): unknown {
  const segs = pointer.slice(1).split('/').map(unescapeSegment);
  const root = structuredClone(target ?? {}) as Record<string, unknown>;
  let node: Record<string, unknown> = root;
  segs.forEach((s, i) => {
    if (i === segs.length - 1) node[s] = value;
    else node = (node[s] ??= {}) as Record<string, unknown>;
  });
  return root;
}

function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

function mediaTypeOf(spec: Spec, op: Operation, declared?: string): string {
  if (declared) return declared;
  const body = spec.deref<JsonObject>(op.object.requestBody).value;
  const types = Object.keys((body?.content as JsonObject | undefined) ?? {});
  return types.find((t) => /json/i.test(t)) ?? types[0] ?? 'application/json';
}

function serialize(body: unknown, mediaType: string): string {
  if (typeof body === 'string') return body;
  if (/x-www-form-urlencoded/i.test(mediaType) && isObject(body)) {
    return new URLSearchParams(
      Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ).toString();
  }
  return JSON.stringify(body);
}

/** The fully evaluated request of one step attempt. */
export function stepCase(
  spec: Spec,
  suite: Suite,
  workflow: Workflow,
  step: Step,
  op: Operation,
  ctx: ExpressionContext,
  o: { seed: number; attempt: number; generate?: GenerateOne },
): Case {
  const params = placed(op, [...workflow.parameters, ...step.parameters], suite, step);
  let path = requestPathTemplate(op.path);
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  for (const p of params) {
    const value = interpolate(p.value, ctx);
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (p.in === 'path') path = path.split(`{${p.name}}`).join(encodeURIComponent(text));
    else if (p.in === 'query')
      for (const v of Array.isArray(value) ? value : [value])
        query.append(p.name, typeof v === 'string' ? v : JSON.stringify(v));
    else if (p.in === 'header') headers[p.name.toLowerCase()] = text;
    else cookies[p.name] = text;
  }
  const c: Case = {
    id: `suite:${workflow.workflowId}/${step.stepId}/${o.attempt}`,
    operation: op.key,
    kind: 'example',
    method: op.method.toUpperCase(),
    path,
    query: query.toString(),
    headers,
    cookies,
    seed: o.seed,
    ...(op.operationId ? { operationId: op.operationId } : {}),
  };
  if (/\{[^}]+\}/.test(path)) {
    throw new HarnessError(
      'SUITE_INVALID',
      `step ${step.stepId}: path parameters ${path.match(/\{[^}]+\}/g)!.join(', ')} of ${op.key} have no value`,
      suite.where(step.pointer),
    );
  }
  const rb = step.requestBody;
  if (!rb) return c;
  let body: unknown = rb.generate ? o.generate?.(spec, op, o.seed)?.body : undefined;
  if (rb.payload !== undefined) body = merge(body, interpolate(rb.payload, ctx));
  for (const r of rb.replacements) body = setPointer(body, r.target, interpolate(r.value, ctx));
  if (body === undefined) return c;
  const mediaType = mediaTypeOf(spec, op, rb.contentType);
  return { ...c, body, bodyText: serialize(body, mediaType), mediaType };
}
