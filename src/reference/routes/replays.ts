/** /v1/replays: re-run a logged (or inline) chat request on another model and compare the outputs. */
import { explicitModel, resolveModel } from '../auto-router.ts';
import { charge, usageOf, type Usage } from '../billing.ts';
import { ApiError } from '../errors.ts';
import { chatPromptTokens, generate, similarity } from '../fake-model.ts';
import { newId } from '../ids.ts';
import type { CatalogModel } from '../catalog.ts';
import type { Handler, RouteContext } from '../types.ts';
import { owned, page, pageParams, visible } from './common.ts';

type ChatRequest = {
  model?: string;
  baseline_model?: string;
  'x-routing'?: string;
  messages: Array<{ role: string; content: string }>;
  max_tokens?: number;
};

/** Runs `req` on `model`: output, usage and a simulated latency. */
export function run(model: CatalogModel, req: ChatRequest): { output: string; usage: Usage; latency: number } {
  const gen = generate(model.id, req.messages, req.max_tokens);
  const usage = usageOf(model, chatPromptTokens(req.messages), gen.pieces.length);
  return { output: gen.pieces.join(''), usage, latency: 50 + Math.round((gen.pieces.length * 1000) / model.tps) };
}

/** The source side: a logged trace of the caller, or the inline request run now (not billed). */
function source(ctx: RouteContext, b: { source_request_id?: string; request?: ChatRequest }) {
  if (b.source_request_id !== undefined) {
    const t = owned(ctx.state.traces, b.source_request_id, ctx, 'request').trace;
    if (t.operation !== 'chat.completion')
      throw new ApiError(
        404,
        'not_found_error',
        'unsupported_source',
        `${b.source_request_id} is not a chat completion; only those can be replayed.`,
        'source_request_id',
      );
    return {
      id: t.id as string,
      request: t.request as ChatRequest,
      model: t.model as string,
      output: t.output as string,
      usage: t.usage as Usage,
      latency: t.latency_ms as number,
    };
  }
  const req = b.request!;
  const chars = req.messages.reduce((n, m) => n + m.content.length, 0);
  const { model } = resolveModel(req.model, 'text', {
    baseline: req.baseline_model,
    bias: req['x-routing'],
    promptChars: chars,
    param: 'request.model',
  });
  return { id: null, request: req, model: model.id, ...run(model, req) };
}

export const createReplay: Handler = (ctx) => {
  const b = ctx.body as { source_request_id?: string; request?: ChatRequest; target_model: string; shadow?: boolean };
  const target = explicitModel(b.target_model, 'text', 'target_model');
  const src = source(ctx, b);
  const out = run(target, src.request);
  const id = newId('rpl_');
  charge(
    ctx.state,
    { requestId: ctx.requestId, owner: ctx.principal.owner, keyId: ctx.principal.keyId, tag: ctx.tag },
    ctx.opts.now(),
    target.id,
    'replay',
    out.usage,
  );
  const replay = {
    id,
    object: 'replay',
    status: 'completed',
    source_request_id: src.id,
    source_model: src.model,
    target_model: target.id,
    shadow: b.shadow ?? false,
    source_output: src.output,
    target_output: out.output,
    similarity: similarity(src.output, out.output),
    source_usage: src.usage,
    target_usage: out.usage,
    latency_source_ms: src.latency,
    latency_target_ms: out.latency,
    created_at: ctx.nowSec(),
  };
  ctx.state.replays.set(id, { owner: ctx.principal.owner, value: replay });
  return { status: 201, body: replay };
};

export const listReplays: Handler = (ctx) => {
  const [limit, after] = pageParams(ctx);
  const body = page(
    visible(ctx.state.replays, ctx).map((r) => r.value as { id: string }),
    limit,
    after,
  );
  return { status: ctx.drift('undocumented-status') ? 206 : 200, body };
};

export const getReplay: Handler = (ctx) => ({
  status: 200,
  body: owned(ctx.state.replays, ctx.params.id!, ctx, 'replay').value,
});
