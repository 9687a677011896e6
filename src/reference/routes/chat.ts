/** POST /v1/chat/completions: deterministic completions, JSON or SSE, through the Auto Router. */
import { resolveModel } from '../auto-router.ts';
import { centsHeader, charge, costCents, usageOf, type Usage } from '../billing.ts';
import { chatPromptTokens, generate } from '../fake-model.ts';
import { writeSse } from '../sse.ts';
import { addTrace } from '../store.ts';
import type { Handler, RouteContext } from '../types.ts';

type Message = { role: string; content: string };

/** The chunks of a streamed answer: role, one per token, finish, then (optionally) usage. */
function chunks(
  base: Record<string, unknown>,
  pieces: string[],
  finish: string,
  usage: Usage,
  includeUsage: boolean,
): unknown[] {
  const u = includeUsage ? { usage: null } : {};
  const choice = (delta: object, finish_reason: string | null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason }],
    ...u,
  });
  const out: unknown[] = [
    choice({ role: 'assistant', content: '' }, null),
    ...pieces.map((p) => choice({ content: p }, null)),
    choice({}, finish),
  ];
  if (includeUsage) out.push({ ...base, choices: [], usage });
  return out;
}

/** Records the billed request and its trace (the input of replays). */
function record(ctx: RouteContext, model: string, usage: Usage, output: string): void {
  const payer = { requestId: ctx.requestId, owner: ctx.principal.owner, keyId: ctx.principal.keyId, tag: ctx.tag };
  charge(ctx.state, payer, ctx.opts.now(), model, 'chat.completion', usage);
  addTrace(ctx.state, {
    owner: ctx.principal.owner,
    trace: {
      id: ctx.requestId,
      object: 'request',
      operation: 'chat.completion',
      model,
      created_at: ctx.nowSec(),
      latency_ms: 0,
      key_id: ctx.principal.keyId,
      sub_account_id: ctx.principal.subAccount?.id ?? null,
      tag: ctx.tag,
      usage,
      request: ctx.body,
      output,
    },
  });
}

export const createChatCompletion: Handler = async (ctx) => {
  const b = ctx.body as {
    model?: string;
    baseline_model?: string;
    'x-routing'?: string;
    messages: Message[];
    stream?: boolean;
    stream_options?: { include_usage?: boolean };
    max_tokens?: number;
  };
  const promptChars = b.messages.reduce((n, m) => n + m.content.length, 0);
  const routed = resolveModel(b.model, 'text', { baseline: b.baseline_model, bias: b['x-routing'], promptChars });
  const gen = generate(routed.model.id, b.messages, b.max_tokens);
  const prompt = chatPromptTokens(b.messages);
  const usage = usageOf(routed.model, prompt, gen.pieces.length);
  const text = gen.pieces.join('');
  record(ctx, routed.model.id, usage, text);

  const headers: Record<string, string> = { ...routed.headers, 'x-cost-cents': centsHeader(usage.cost_cents) };
  if (routed.baseline)
    headers['x-auto-savings-cents'] = centsHeader(
      costCents(routed.baseline, prompt, gen.pieces.length) - usage.cost_cents,
    );
  const base = { id: `chatcmpl-${ctx.requestId.slice(4)}`, created: ctx.nowSec(), model: routed.model.id };

  if (b.stream) {
    const events = chunks(
      { ...base, object: 'chat.completion.chunk' },
      gen.pieces,
      gen.finishReason,
      usage,
      Boolean(b.stream_options?.include_usage),
    );
    await writeSse(ctx.res, { ...ctx.baseHeaders, ...headers }, events, {
      corruptIndex: ctx.drift('malformed-sse') ? 1 : undefined,
    });
    return 'streamed';
  }
  return {
    status: 200,
    headers,
    body: {
      ...base,
      object: 'chat.completion',
      system_fingerprint: 'fp_aig_ref',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: gen.finishReason }],
      usage,
    },
  };
};
