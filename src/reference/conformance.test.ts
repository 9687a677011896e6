/**
 * Law: in clean mode every answer of the reference gateway conforms to openapi.json — documented
 * status, documented content type, body valid against its schema, required headers present — and the
 * scenario below reaches every operation of the contract, success and error paths alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceServer, type ReferenceServer } from './index.ts';
import { loadSpec } from './spec.ts';
import { Conformance, call, sseData, type Answer, type CallOptions } from './test-support.ts';

const judge = new Conformance();
const doc = loadSpec();
const covered = new Set<string>();
const problems: string[] = [];
let gw: ReferenceServer;
let base = '';

/** Calls `method path` (concrete), judges the answer against the `template` operation, returns it. */
async function op(method: string, template: string, path: string, o?: CallOptions): Promise<Answer> {
  const answer = await call(base, method, path, o);
  const operationId = doc.paths[template]?.[method.toLowerCase()]?.operationId;
  covered.add(operationId);
  for (const p of judge.problems(method, template, answer)) problems.push(`${method} ${path} → ${answer.status}: ${p}`);
  return answer;
}

beforeAll(async () => {
  gw = createReferenceServer({ jobStepMs: 5 });
  base = (await gw.listen(0)).url;
});
afterAll(() => gw.close());

describe('reference gateway, clean mode', () => {
  it('serves the catalog', async () => {
    const list = await op('GET', '/v1/models', '/v1/models?modality=text&available=true&limit=3');
    expect(list.json.data).toHaveLength(3);
    expect((await op('GET', '/v1/models/{id}', '/v1/models/openai%2Fgpt-5.4-mini')).json.id).toBe(
      'openai/gpt-5.4-mini',
    );
    expect((await op('GET', '/v1/models/{id}', '/v1/models/openai/gpt-5.4-mini')).status).toBe(200);
    expect((await op('GET', '/v1/models/{id}', '/v1/models/nobody%2Fnothing')).status).toBe(404);
    expect((await op('GET', '/v1/models', '/v1/models?limit=0')).status).toBe(400);
  });

  it('answers chat completions as JSON and as SSE with the same content', async () => {
    const body = { messages: [{ role: 'user', content: 'Name a prime.' }], max_tokens: 30 };
    const json = await op('POST', '/v1/chat/completions', '/v1/chat/completions', {
      body,
      headers: { 'x-aig-tag': 'conf' },
    });
    expect(json.status).toBe(200);
    expect(json.headers.get('x-routing-selected')).toBe(json.json.model);
    const stream = await op('POST', '/v1/chat/completions', '/v1/chat/completions', {
      body: { ...body, stream: true, stream_options: { include_usage: true } },
    });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const events = sseData(stream.text);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(json.json.choices[0].message.content);
    expect(chunks.at(-1).usage).toEqual(json.json.usage);
    const explicit = await op('POST', '/v1/chat/completions', '/v1/chat/completions', {
      body: { ...body, model: 'anthropic/claude-haiku-4.5' },
    });
    expect(explicit.json.model).toBe('anthropic/claude-haiku-4.5');
  });

  it('rejects bad chat requests with documented errors', async () => {
    const path = '/v1/chat/completions';
    expect((await op('POST', path, path, { body: { messages: [] } })).status).toBe(400);
    expect(
      (await op('POST', path, path, { body: { messages: [{ role: 'user', content: 'x' }], bogus: 1 } })).status,
    ).toBe(400);
    expect((await op('POST', path, path, { raw: '{"messages": [' })).status).toBe(400);
    expect((await op('POST', path, path, { raw: '{}', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect(
      (
        await op('POST', path, path, {
          raw: JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(1_100_000) }] }),
        })
      ).status,
    ).toBe(413);
    expect(
      (await op('POST', path, path, { body: { messages: [{ role: 'user', content: 'x' }] }, key: null })).status,
    ).toBe(401);
    expect(
      (await op('POST', path, path, { body: { messages: [{ role: 'user', content: 'x' }] }, key: 'sk-aig-wrong' }))
        .status,
    ).toBe(401);
    expect(
      (await op('POST', path, path, { body: { model: 'no/such-model', messages: [{ role: 'user', content: 'x' }] } }))
        .status,
    ).toBe(404);
    const unavailable = await op('POST', path, path, {
      body: { model: 'mistral/mistral-large-3', messages: [{ role: 'user', content: 'x' }] },
    });
    expect([unavailable.status, unavailable.json.error.code]).toEqual([404, 'model_unavailable']);
  });

  // A schema-valid model the catalog cannot serve on this operation is a documented 404, never a 400: the
  // request itself is valid, only the catalog decides (as OpenAI answers a model of the wrong kind).
  const chat = { messages: [{ role: 'user', content: 'x' }] };
  it.each([
    ['/v1/chat/completions', { ...chat, model: 'openai/text-embedding-3-small' }, 'model'],
    ['/v1/chat/completions', { ...chat, model: 'auto/embedding' }, 'model'],
    ['/v1/chat/completions', { ...chat, baseline_model: 'cohere/rerank-3.5' }, 'baseline_model'],
    ['/v1/embeddings', { input: 'x', model: 'openai/gpt-5.4-mini' }, 'model'],
    ['/v1/rerank', { query: 'q', documents: ['d'], model: 'openai/text-embedding-3-large' }, 'model'],
    ['/v1/jobs', { input: 'x', model: 'cohere/rerank-3.5' }, 'model'],
    ['/v1/replays', { request: chat, target_model: 'cohere/rerank-3.5' }, 'target_model'],
    ['/v1/replays', { request: { ...chat, model: 'auto/rerank' }, target_model: 'openai/gpt-5.4' }, 'request.model'],
    [
      '/v1/evals',
      { name: 'e', candidate_models: ['openai/gpt-5.4', 'cohere/rerank-3.5'], dataset: [{ input: 'x' }] },
      'candidate_models[1]',
    ],
  ])('POST %s with a model of another modality answers 404 wrong_modality (%j)', async (path, body, param) => {
    const answer = await op('POST', path, path, { body });
    expect([answer.status, answer.json.error.code, answer.json.error.param]).toEqual([404, 'wrong_modality', param]);
  });

  it('embeds and reranks', async () => {
    const one = await op('POST', '/v1/embeddings', '/v1/embeddings', { body: { input: 'hello' } });
    expect(one.json.data[0].embedding).toHaveLength(256);
    const many = await op('POST', '/v1/embeddings', '/v1/embeddings', {
      body: { model: 'openai/text-embedding-3-large', input: ['a', 'b'] },
    });
    expect(many.json.data.map((d: any) => d.embedding.length)).toEqual([512, 512]);
    expect((await op('POST', '/v1/embeddings', '/v1/embeddings', { body: {} })).status).toBe(400);
    const rr = await op('POST', '/v1/rerank', '/v1/rerank', {
      body: { query: 'refund policy', documents: ['shipping', 'refund policy text'], top_n: 1 },
    });
    expect(rr.json.results).toEqual([expect.objectContaining({ index: 1 })]);
  });

  it('logs traces, replays them and runs evals', async () => {
    const chat = await op('POST', '/v1/chat/completions', '/v1/chat/completions', {
      body: { messages: [{ role: 'user', content: 'Replay me.' }] },
    });
    const reqId = chat.headers.get('x-request-id')!;
    expect((await op('GET', '/v1/requests', '/v1/requests?limit=5')).json.data[0].id).toBe(reqId);
    expect((await op('GET', '/v1/requests/{id}', `/v1/requests/${reqId}`)).json.output).toBe(
      chat.json.choices[0].message.content,
    );
    expect((await op('GET', '/v1/requests/{id}', '/v1/requests/req_missing')).status).toBe(404);
    const rpl = await op('POST', '/v1/replays', '/v1/replays', {
      body: { source_request_id: reqId, target_model: 'openai/gpt-5.4' },
    });
    expect(rpl.status).toBe(201);
    expect(rpl.json.source_output).toBe(chat.json.choices[0].message.content);
    const inline = await op('POST', '/v1/replays', '/v1/replays', {
      body: { request: { messages: [{ role: 'user', content: 'x' }] }, target_model: 'openai/gpt-5.4', shadow: true },
    });
    expect(inline.json.source_request_id).toBeNull();
    expect(
      (
        await op('POST', '/v1/replays', '/v1/replays', {
          body: {
            source_request_id: reqId,
            request: { messages: [{ role: 'user', content: 'x' }] },
            target_model: 'openai/gpt-5.4',
          },
        })
      ).status,
    ).toBe(400);
    expect((await op('GET', '/v1/replays', '/v1/replays')).json.data).toHaveLength(2);
    expect((await op('GET', '/v1/replays/{id}', `/v1/replays/${rpl.json.id}`)).json).toEqual(rpl.json);
    const ev = await op('POST', '/v1/evals', '/v1/evals', {
      body: {
        name: 'e',
        metric: 'cost',
        candidate_models: ['openai/gpt-5.4', 'openai/gpt-5.4-mini'],
        dataset: [{ input: 'q', expected: 'a' }],
      },
    });
    expect(ev.json.winner_model).toBe('openai/gpt-5.4-mini');
    expect((await op('GET', '/v1/evals', '/v1/evals')).json.data[0].id).toBe(ev.json.id);
    expect((await op('GET', '/v1/evals/{id}', `/v1/evals/${ev.json.id}`)).status).toBe(200);
    expect((await op('GET', '/v1/evals/{id}', '/v1/evals/eval_nope')).status).toBe(404);
  });

  it('runs jobs to completion and cancels them', async () => {
    const created = await op('POST', '/v1/jobs', '/v1/jobs', { body: { input: 'Summarise.' } });
    expect(created.status).toBe(202);
    let job = created.json;
    for (let i = 0; i < 400 && job.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      job = (await op('GET', '/v1/jobs/{id}', `/v1/jobs/${job.id}`)).json;
    }
    expect(job.status).toBe('succeeded');
    expect(job.result.usage.total_tokens).toBeGreaterThan(0);
    const other = await op('POST', '/v1/jobs', '/v1/jobs', { body: { input: 'Cancel me.' } });
    expect((await op('DELETE', '/v1/jobs/{id}', `/v1/jobs/${other.json.id}`)).json.status).toBe('cancelled');
    expect((await op('GET', '/v1/jobs', '/v1/jobs?status=cancelled')).json.data.map((j: any) => j.id)).toEqual([
      other.json.id,
    ]);
    expect((await op('DELETE', '/v1/jobs/{id}', '/v1/jobs/job_nope')).status).toBe(404);
    expect(
      (await op('POST', '/v1/jobs', '/v1/jobs', { body: { input: 'x', webhook_url: 'ftp://example.com/hook' } }))
        .status,
    ).toBe(400);
    // RFC 3986 decides, as the contract's `format: uri` says: `http://:&` is no URI (an empty host and a
    // port that is no number); `http://a:99999/` is one, that no client can reach: accepted, never delivered.
    expect((await op('POST', '/v1/jobs', '/v1/jobs', { body: { input: 'x', webhook_url: 'http://:&' } })).status).toBe(
      400,
    );
    expect(
      (await op('POST', '/v1/jobs', '/v1/jobs', { body: { input: 'x', webhook_url: 'http://a:99999/' } })).status,
    ).toBe(202);
  });

  it('manages the webhook secret', async () => {
    const first = await op('GET', '/v1/webhook-secret', '/v1/webhook-secret');
    const rotated = await op('POST', '/v1/webhook-secret/rotate', '/v1/webhook-secret/rotate');
    expect(rotated.json.secret).not.toBe(first.json.secret);
    expect((await op('GET', '/v1/webhook-secret', '/v1/webhook-secret')).json.secret).toBe(rotated.json.secret);
  });

  it('manages sub-accounts and their keys', async () => {
    const sa = await op('POST', '/v1/sub-accounts', '/v1/sub-accounts', {
      body: { name: 'Acme', spend_cap_cents: 100, default_tag: 'acme' },
    });
    expect(sa.status).toBe(201);
    const id = sa.json.id;
    expect((await op('GET', '/v1/sub-accounts', '/v1/sub-accounts')).json.data.map((s: any) => s.id)).toContain(id);
    expect((await op('GET', '/v1/sub-accounts/{id}', `/v1/sub-accounts/${id}`)).json.name).toBe('Acme');
    expect(
      (
        await op('PATCH', '/v1/sub-accounts/{id}', `/v1/sub-accounts/${id}`, {
          body: { rate_limit_rpm: 50, external_ref: null },
        })
      ).json.rate_limit_rpm,
    ).toBe(50);
    expect((await op('PATCH', '/v1/sub-accounts/{id}', `/v1/sub-accounts/${id}`, { body: {} })).status).toBe(400);
    const key = await op('POST', '/v1/sub-accounts/{id}/keys', `/v1/sub-accounts/${id}/keys`, {
      body: { name: 'prod' },
    });
    expect(key.json.key).toMatch(/^sk-aig-/);
    const keyless = await op('POST', '/v1/sub-accounts/{id}/keys', `/v1/sub-accounts/${id}/keys`);
    expect(keyless.status).toBe(201);
    const listed = await op('GET', '/v1/sub-accounts/{id}/keys', `/v1/sub-accounts/${id}/keys`);
    expect(listed.json.data).toHaveLength(2);
    expect(listed.text).not.toContain(key.json.key);
    const bal = await op('GET', '/v1/balance', '/v1/balance', { key: key.json.key });
    expect(bal.json.spend_cap_cents).toBe(100);
    expect(
      (await op('POST', '/v1/sub-accounts', '/v1/sub-accounts', { body: { name: 'x' }, key: key.json.key })).status,
    ).toBe(403);
    expect(
      (await op('DELETE', '/v1/sub-accounts/{id}/keys/{keyId}', `/v1/sub-accounts/${id}/keys/${keyless.json.id}`))
        .status,
    ).toBe(200);
    expect(
      (await op('DELETE', '/v1/sub-accounts/{id}/keys/{keyId}', `/v1/sub-accounts/${id}/keys/${keyless.json.id}`))
        .status,
    ).toBe(404);
    expect((await op('GET', '/v1/balance', '/v1/balance', { key: keyless.json.key })).status).toBe(401);
    expect((await op('DELETE', '/v1/sub-accounts/{id}', `/v1/sub-accounts/${id}`)).status).toBe(200);
    expect((await op('GET', '/v1/sub-accounts/{id}', `/v1/sub-accounts/${id}`)).status).toBe(404);
    expect((await op('GET', '/v1/balance', '/v1/balance', { key: key.json.key })).status).toBe(401);
  });

  it('reports usage', async () => {
    const usage = await op('GET', '/v1/usage', '/v1/usage?group_by=tag');
    expect(usage.json.data.find((d: any) => d.group === 'conf')?.requests).toBe(1);
    expect((await op('GET', '/v1/usage', '/v1/usage?start=2026-02-01&end=2026-01-01')).json.totals.requests).toBe(0);
    expect((await op('GET', '/v1/usage', '/v1/usage?start=not-a-date')).status).toBe(400);
    expect((await op('GET', '/v1/usage/by-tag', '/v1/usage/by-tag')).json.data.length).toBeGreaterThan(0);
    expect((await op('GET', '/v1/usage/by-sub-account', '/v1/usage/by-sub-account?month=2026-01')).json.data).toEqual(
      [],
    );
    expect((await op('GET', '/v1/balance', '/v1/balance')).json.spent_cents).toBeGreaterThan(0);
  });

  it('answers unknown paths with 404 and wrong methods with 405 + Allow, as Error bodies', async () => {
    const notFound = await call(base, 'GET', '/v1/nothing-here');
    expect(notFound.status).toBe(404);
    const wrong = await call(base, 'PUT', '/v1/jobs');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, GET');
    const errorSchema = judge.schemas.validator('/components/schemas/Error');
    expect(errorSchema(notFound.json) && errorSchema(wrong.json)).toBe(true);
    expect(wrong.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('covered every operation of the contract, and every answer conformed', () => {
    const all = Object.values(doc.paths).flatMap((item) => Object.values<any>(item).map((o) => o.operationId));
    expect([...all].filter((id) => !covered.has(id))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
