/**
 * specgate's non-HTTP steps (`x-specgate-action`), for what plain Arazzo cannot express:
 * - `webhook-receiver`: starts a local receiver on 127.0.0.1:0; `$response.body#/url` is its URL.
 * - `await-webhooks`: waits for deliveries to that receiver, verifies each one's HMAC signature and timestamp,
 *   validates it against the spec's `webhooks`, and fails when fewer than `count` arrive within `timeoutMs`.
 * Arguments come from `x-specgate-with` (runtime expressions allowed). See suites/README.md.
 */
import { signatureProblem } from '../webhooks/signature.ts';
import { startWebhookReceiver, type Delivery, type WebhookReceiver } from '../webhooks/receiver.ts';
import { judgeDelivery } from '../webhooks/validate-delivery.ts';
import { failedCriteria } from './criteria.ts';
import { resolvePointer, type ExpressionContext } from './expressions.ts';
import { interpolate } from './interpolate.ts';
import type { RunState } from './run-state.ts';
import type { Attempt, StepFailure } from './run-step.ts';
import type { Step, Workflow } from './suite-types.ts';
import { workflowStepFailed, webhookDelivery, webhookSignature, webhookSchemaConformance } from '../check/index.ts';

/** Runs an action step. */
export async function runAction(state: RunState, w: Workflow, step: Step, base: ExpressionContext): Promise<Attempt> {
  const args = interpolate(step.with, base) as Record<string, unknown>;
  let body: unknown;
  let failures: StepFailure[] = [];
  if (step.action === 'webhook-receiver') {
    const receiver = await startWebhookReceiver(typeof args.status === 'number' ? { status: args.status } : {});
    state.receivers.set(`${w.workflowId}/${step.stepId}`, receiver);
    body = { url: receiver.url };
  } else {
    const r = await awaitWebhooks(state, w, step, args);
    body = r.body;
    failures = r.failures;
  }
  const ctx: ExpressionContext = { ...base, statusCode: 200, response: { headers: {}, body } };
  failures.push(
    ...failedCriteria(step.successCriteria, ctx).map((f) => ({
      checkId: workflowStepFailed.id,
      message: f.message,
      cause: f.criterion.condition,
    })),
  );
  const outputs = {
    ...(body as Record<string, unknown>),
    ...Object.fromEntries(Object.entries(step.outputs).map(([k, e]) => [k, interpolate(e, ctx)])),
  };
  return { ok: failures.length === 0, failures, ctx, exchanges: [], findings: [], outputs };
}

function receiverFor(state: RunState, w: Workflow, name: unknown): WebhookReceiver | undefined {
  if (typeof name === 'string') return state.receivers.get(`${w.workflowId}/${name}`) ?? state.receivers.get(name);
  return [...state.receivers.entries()].filter(([k]) => k.startsWith(`${w.workflowId}/`)).pop()?.[1];
}

/** The header carrying the signature: `signatureHeader`, else a webhook header parameter named like one. */
function signatureHeader(state: RunState, args: Record<string, unknown>): string {
  if (typeof args.signatureHeader === 'string') return args.signatureHeader.toLowerCase();
  const p = state.spec.operations
    .filter((o) => o.webhook)
    .flatMap((o) => o.parameters)
    .find((x) => x.in === 'header' && /signature/i.test(x.name));
  return p?.name.toLowerCase() ?? 'x-signature';
}

async function awaitWebhooks(
  state: RunState,
  w: Workflow,
  step: Step,
  args: Record<string, unknown>,
): Promise<{ body: unknown; failures: StepFailure[] }> {
  const receiver = receiverFor(state, w, args.receiver);
  if (!receiver)
    return {
      body: { count: 0, deliveries: [] },
      failures: [
        {
          checkId: workflowStepFailed.id,
          message: 'await-webhooks: no webhook-receiver step ran before this step in the workflow',
          cause: 'no receiver',
        },
      ],
    };
  const count = typeof args.count === 'number' ? args.count : 1;
  const timeoutMs = typeof args.timeoutMs === 'number' ? args.timeoutMs : 10_000;
  const match = args.match as { pointer?: string; value?: unknown } | undefined;
  const filter = (d: Delivery) => !match?.pointer || resolvePointer(d.body, match.pointer) === match.value;
  const got = await receiver.waitFor(count, timeoutMs, filter);
  const failures: StepFailure[] = [];
  if (got.length < count) {
    failures.push({
      checkId: webhookDelivery.id,
      message: `Expected: ${count} webhook deliveries within ${timeoutMs} ms${match?.pointer ? ` with ${match.pointer} = ${JSON.stringify(match.value)}` : ''}\nReceived: ${got.length} (${receiver.deliveries.length} in total at ${receiver.url})`,
      cause: 'missing delivery',
    });
  }
  const header = signatureHeader(state, args);
  for (const [i, d] of got.entries()) failures.push(...judgeOne(state, d, i, header, args));
  const deliveries = got.map((d) => ({ headers: d.headers, body: safeJson(d.body) }));
  return { body: { count: got.length, deliveries }, failures };
}

function judgeOne(
  state: RunState,
  d: Delivery,
  i: number,
  header: string,
  args: Record<string, unknown>,
): StepFailure[] {
  const failures: StepFailure[] = [];
  const verdict = judgeDelivery(
    state.spec,
    state.validator,
    d,
    typeof args.webhook === 'string' ? args.webhook : undefined,
  );
  const webhookOp = verdict.webhook;
  if (typeof args.secret === 'string') {
    const value = d.headers[header];
    const scheme =
      args.scheme === 'hex' || (args.scheme === undefined && value !== undefined && !/(^|,)\s*t=/.test(value))
        ? 'hex'
        : 't-v1';
    const problem = signatureProblem(value, d.body, {
      scheme,
      secret: args.secret,
      toleranceSeconds: typeof args.toleranceSeconds === 'number' ? args.toleranceSeconds : 300,
      nowSeconds: Math.floor(d.receivedAt / 1000),
    });
    if (problem)
      failures.push({
        checkId: webhookSignature.id,
        message: `Delivery ${i + 1} (${d.headers['x-aig-event-type'] ?? d.path}): ${header}: ${problem}`,
        cause: problem.startsWith('timestamp') ? 'timestamp outside tolerance' : problem,
        ...(webhookOp ? { operation: webhookOp } : {}),
      });
  }
  for (const p of verdict.problems) {
    failures.push({
      checkId: webhookSchemaConformance.id,
      message: `Delivery ${i + 1} judged as webhook "${verdict.webhook?.path ?? '?'}": ${p.message}`,
      cause: p.message.replace(/"[^"]*"/g, '…'),
      ...(webhookOp ? { operation: webhookOp } : {}),
    });
  }
  return failures;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
