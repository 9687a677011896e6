/** POST /v1/embeddings and POST /v1/rerank: input-only inference. */
import { resolveModel } from '../auto-router.ts';
import { centsHeader, charge, usageOf } from '../billing.ts';
import { ApiError } from '../errors.ts';
import { countTokens, embed, similarity, unitHash } from '../fake-model.ts';
import { addTrace } from '../store.ts';
import type { Handler, RouteContext } from '../types.ts';

/** Bills an input-only request and logs its trace; returns the contract's InputUsage. */
function bill(ctx: RouteContext, operation: string, model: Parameters<typeof usageOf>[0], tokens: number) {
  const usage = usageOf(model, tokens, 0);
  charge(
    ctx.state,
    { requestId: ctx.requestId, owner: ctx.principal.owner, keyId: ctx.principal.keyId, tag: ctx.tag },
    ctx.opts.now(),
    model.id,
    operation,
    usage,
  );
  addTrace(ctx.state, {
    owner: ctx.principal.owner,
    trace: {
      id: ctx.requestId,
      object: 'request',
      operation,
      model: model.id,
      created_at: ctx.nowSec(),
      latency_ms: 0,
      key_id: ctx.principal.keyId,
      sub_account_id: ctx.principal.subAccount?.id ?? null,
      tag: ctx.tag,
      usage,
      request: ctx.body,
      output: null,
    },
  });
  return { prompt_tokens: usage.prompt_tokens, total_tokens: usage.total_tokens, cost_cents: usage.cost_cents };
}

export const createEmbedding: Handler = (ctx) => {
  const b = ctx.body as { model?: string; input?: string | string[] };
  // `input` is required; it can only be missing here under the `accepts-invalid` drift.
  const inputs = b.input === undefined ? [''] : typeof b.input === 'string' ? [b.input] : b.input;
  if (inputs.length > 10 && ctx.drift('long-array-error'))
    throw new ApiError(500, 'api_error', 'internal_error', 'Simulated failure (long-array-error drift).');
  const { model } = resolveModel(b.model ?? 'openai/text-embedding-3-small', 'embedding', { promptChars: 0 });
  const data = inputs.map((text, index) => ({
    object: 'embedding',
    index,
    embedding: embed(model.id, text, model.dimensions ?? 256),
  }));
  const usage = bill(
    ctx,
    'embedding',
    model,
    inputs.reduce((n, t) => n + countTokens(t), 0),
  );
  return {
    status: 200,
    headers: { 'x-cost-cents': centsHeader(usage.cost_cents) },
    body: { object: 'list', data, model: model.id, usage },
  };
};

export const createRerank: Handler = (ctx) => {
  const b = ctx.body as { model?: string; query: string; documents: string[]; top_n?: number };
  if (ctx.drift('server-error'))
    throw new ApiError(500, 'api_error', 'internal_error', 'Simulated failure (server-error drift).');
  const { model } = resolveModel(b.model ?? 'cohere/rerank-3.5', 'rerank', { promptChars: 0 });
  const results = b.documents
    .map((document, index) => ({
      index,
      document,
      relevance_score:
        Math.round(
          (0.7 * similarity(b.query, document) + 0.3 * unitHash(`${model.id}\n${b.query}\n${document}`)) * 1e6,
        ) / 1e6,
    }))
    .sort((x, y) => y.relevance_score - x.relevance_score || x.index - y.index)
    .slice(0, b.top_n ?? b.documents.length);
  const tokens = b.documents.reduce((n, d) => n + countTokens(b.query) + countTokens(d), 0);
  const usage = bill(ctx, 'rerank', model, tokens);
  return {
    status: 200,
    headers: { 'x-cost-cents': centsHeader(usage.cost_cents) },
    body: { object: 'list', model: model.id, results, usage },
  };
};
