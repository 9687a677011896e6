/**
 * Law: each drift makes its one operation deviate in the way its DRIFTS entry says, and the same
 * scenario against a clean gateway shows no deviation. Scenarios return the deviations they observed.
 */
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DRIFTS, createReferenceServer, parseDrifts, type ReferenceServer } from './index.ts';
import { Conformance, call, startReceiver } from './test-support.ts';

const judge = new Conformance();
const open: ReferenceServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start(drift: string[]): Promise<string> {
  const gw = createReferenceServer({ drift, jobStepMs: 5 });
  open.push(gw);
  return (await gw.listen(0)).url;
}

/** Judge problems of one call. */
async function problems(
  base: string,
  method: string,
  template: string,
  path = template,
  o: Parameters<typeof call>[3] = {},
): Promise<string[]> {
  return judge.problems(method, template, await call(base, method, path, o));
}

async function subAccountKey(base: string, body: object): Promise<string> {
  const sa = await call(base, 'POST', '/v1/sub-accounts', { body: { name: 't', ...body } });
  return (await call(base, 'POST', `/v1/sub-accounts/${sa.json.id}/keys`)).json.key;
}

const chat = { messages: [{ role: 'user', content: 'hi' }] };

/** Each drift's scenario: the deviations observed (empty = behaved as the contract says). */
const SCENARIOS: Record<string, (base: string) => Promise<string[]>> = {
  'wrong-type': (b) => problems(b, 'GET', '/v1/models/{id}', '/v1/models/openai%2Fgpt-5.4'),
  'missing-field': (b) => problems(b, 'GET', '/v1/balance'),
  'undocumented-status': (b) => problems(b, 'GET', '/v1/replays'),
  'wrong-content-type': (b) => problems(b, 'GET', '/v1/webhook-secret'),
  'server-error': (b) => problems(b, 'POST', '/v1/rerank', '/v1/rerank', { body: { query: 'q', documents: ['d'] } }),
  'accepts-invalid': async (b) =>
    (await call(b, 'POST', '/v1/embeddings', { body: {} })).status === 200 ? ['invalid body accepted'] : [],
  'rejects-valid': async (b) =>
    (await call(b, 'GET', '/v1/models?limit=50')).status === 400 ? ['valid limit rejected'] : [],
  'auth-not-enforced': async (b) =>
    (await call(b, 'GET', '/v1/evals', { key: null })).status === 200 ? ['served without auth'] : [],
  'use-after-free': async (b) => {
    const sa = await call(b, 'POST', '/v1/sub-accounts', { body: { name: 'gone' } });
    await call(b, 'DELETE', `/v1/sub-accounts/${sa.json.id}`);
    return (await call(b, 'GET', `/v1/sub-accounts/${sa.json.id}`)).status === 200
      ? ['deleted sub-account still readable']
      : [];
  },
  'malformed-sse': (b) =>
    problems(b, 'POST', '/v1/chat/completions', '/v1/chat/completions', { body: { ...chat, stream: true } }),
  'idempotency-broken': async (b) => {
    const o = { body: { input: 'once' }, headers: { 'idempotency-key': 'k1' } };
    const [a, c] = [await call(b, 'POST', '/v1/jobs', o), await call(b, 'POST', '/v1/jobs', o)];
    return a.json.id === c.json.id ? [] : ['second job created'];
  },
  'no-retry-after': async (b) => {
    // A rate-limited sub-account key meets a 429 in clean mode too (with Retry-After); the root key
    // meets one only under the drift, after its 3 requests per minute.
    const key = await subAccountKey(b, { rate_limit_rpm: 1 });
    await call(b, 'POST', '/v1/chat/completions', { body: chat, key });
    const out = await problems(b, 'POST', '/v1/chat/completions', '/v1/chat/completions', { body: chat, key });
    for (let i = 0; i < 4; i++)
      out.push(...(await problems(b, 'POST', '/v1/chat/completions', '/v1/chat/completions', { body: chat })));
    return out;
  },
  'rate-limit-body': async (b) => {
    const out: string[] = [];
    for (let i = 0; i < 32; i++) out.push(...(await problems(b, 'GET', '/v1/usage/by-tag')));
    return out;
  },
  'missing-header': (b) => problems(b, 'GET', '/v1/usage'),
  'bad-webhook-signature': async (b) => {
    const rx = await startReceiver();
    try {
      const secret = (await call(b, 'GET', '/v1/webhook-secret')).json.secret;
      await call(b, 'POST', '/v1/jobs', { body: { input: 'x', webhook_url: rx.url } });
      const [hit] = await rx.waitFor(1);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(String(hit!.headers['x-aig-signature']))!;
      return v1 === createHmac('sha256', secret).update(`${t}.${hit!.body}`).digest('hex')
        ? []
        : ['signature does not verify'];
    } finally {
      await rx.close();
    }
  },
  'tenant-leak': async (b) => {
    const [ka, kb] = [await subAccountKey(b, {}), await subAccountKey(b, {})];
    const job = await call(b, 'POST', '/v1/jobs', { body: { input: 'private' }, key: ka });
    return (await call(b, 'GET', `/v1/jobs/${job.json.id}`, { key: kb })).status === 200
      ? ['other tenant read the job']
      : [];
  },
  'spend-cap-ignored': async (b) => {
    const key = await subAccountKey(b, { spend_cap_cents: 0 });
    return (await call(b, 'POST', '/v1/embeddings', { body: { input: 'x' }, key })).status === 200
      ? ['served past the spend cap']
      : [];
  },
  'live-patch-wrong-type': async (b) => {
    const sa = await call(b, 'POST', '/v1/sub-accounts', { body: { name: 'live' } });
    const body = { name: 'renamed' };
    return problems(b, 'PATCH', '/v1/sub-accounts/{id}', `/v1/sub-accounts/${sa.json.id}`, { body });
  },
  'auth-live-resource': async (b) => {
    const job = await call(b, 'POST', '/v1/jobs', { body: { input: 'mine' } });
    // An unknown id is refused in both modes: only a live resource shows the drift.
    const unknown = await call(b, 'GET', '/v1/jobs/job_unknown', { key: null });
    const live = await call(b, 'GET', `/v1/jobs/${job.json.id}`, { key: null });
    return unknown.status !== 401 ? ['unknown id not refused'] : live.status === 200 ? ['served without auth'] : [];
  },
  'nested-invalid-accepted': async (b) => {
    const body = { name: 'e', candidate_models: ['openai/gpt-5.4-mini'], dataset: [{ input: '' }] };
    return (await call(b, 'POST', '/v1/evals', { body })).status === 201 ? ['invalid dataset item accepted'] : [];
  },
  'long-array-error': (b) => {
    const input = Array.from({ length: 11 }, (_, i) => `text ${i}`);
    return problems(b, 'POST', '/v1/embeddings', '/v1/embeddings', { body: { input } });
  },
  'rare-enum-error': (b) => problems(b, 'GET', '/v1/jobs', '/v1/jobs?status=cancelled'),
  'huge-integer-error': (b) =>
    problems(b, 'POST', '/v1/sub-accounts', '/v1/sub-accounts', { body: { name: 'n', spend_cap_cents: 2 ** 64 } }),
};

describe('drifts', () => {
  it('every documented drift has a scenario, and names are kebab-case and unique', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(DRIFTS.map((d) => d.name).sort());
    expect(new Set(DRIFTS.map((d) => d.name)).size).toBe(DRIFTS.length);
    for (const d of DRIFTS) expect(d.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('parses names, comma lists and `all`, and rejects unknown names with the valid list', () => {
    expect([...parseDrifts(['wrong-type,missing-field'])]).toEqual(['wrong-type', 'missing-field']);
    expect(parseDrifts(['all']).size).toBe(DRIFTS.length);
    expect(() => parseDrifts(['nope'])).toThrow(/Valid: wrong-type/);
  });

  for (const d of DRIFTS) {
    it(`${d.name}: ${d.operation} deviates only with the drift on`, async () => {
      const scenario = SCENARIOS[d.name]!;
      expect(await scenario(await start([])), 'clean').toEqual([]);
      expect((await scenario(await start([d.name]))).length, 'drifted').toBeGreaterThan(0);
    });
  }
});
