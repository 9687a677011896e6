/**
 * Laws of the money and multi-tenant primitives: idempotent job creation, spend caps (402), per-key
 * rate limits (429 + Retry-After), cross-tenant isolation (404), root-only management (403), and usage
 * that equals the sum of the `usage` of the requests made. Error answers are judged against the contract too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceServer, type ReferenceServer } from './index.ts';
import { Conformance, call } from './test-support.ts';

const judge = new Conformance();
let clock = Date.parse('2026-03-10T12:00:00Z');
let gw: ReferenceServer;
let base = '';
beforeAll(async () => {
  gw = createReferenceServer({ jobStepMs: 5, now: () => clock });
  base = (await gw.listen(0)).url;
});
afterAll(() => gw.close());

async function tenant(body: object = {}): Promise<{ id: string; key: string }> {
  const sa = await call(base, 'POST', '/v1/sub-accounts', { body: { name: 'tenant', ...body } });
  return { id: sa.json.id, key: (await call(base, 'POST', `/v1/sub-accounts/${sa.json.id}/keys`)).json.key };
}
const chat = (content = 'hi') => ({ messages: [{ role: 'user', content }] });

describe('idempotency', () => {
  it('same key + same body returns the same job without a second charge; a different body is 409', async () => {
    const t = await tenant();
    const o = { key: t.key, headers: { 'idempotency-key': 'abc' } };
    const first = await call(base, 'POST', '/v1/jobs', { ...o, body: { input: 'once', metadata: { a: '1', b: '2' } } });
    const again = await call(base, 'POST', '/v1/jobs', { ...o, body: { metadata: { b: '2', a: '1' }, input: 'once' } });
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(again.json.id).toBe(first.json.id);
    expect(judge.problems('POST', '/v1/jobs', again)).toEqual([]);
    const conflict = await call(base, 'POST', '/v1/jobs', { ...o, body: { input: 'twice' } });
    expect(conflict.status).toBe(409);
    expect(judge.problems('POST', '/v1/jobs', conflict)).toEqual([]);
    for (
      let i = 0;
      i < 400 && (await call(base, 'GET', `/v1/jobs/${first.json.id}`, { key: t.key })).json.status !== 'succeeded';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 5)); // the job is billed when it succeeds
    }
    const jobs = (await call(base, 'GET', '/v1/jobs', { key: t.key })).json.data;
    expect(jobs).toHaveLength(1);
    expect((await call(base, 'GET', '/v1/usage', { key: t.key })).json.totals.requests).toBe(1);
  });

  it('scopes keys per owner: another tenant may reuse the same Idempotency-Key', async () => {
    const [a, b] = [await tenant(), await tenant()];
    const o = { headers: { 'idempotency-key': 'shared' }, body: { input: 'same' } };
    const ja = await call(base, 'POST', '/v1/jobs', { ...o, key: a.key });
    const jb = await call(base, 'POST', '/v1/jobs', { ...o, key: b.key });
    expect(jb.status).toBe(202);
    expect(jb.json.id).not.toBe(ja.json.id);
  });
});

describe('spend caps', () => {
  it('answers 402 once the sub-account spent its cap, and only on billable operations', async () => {
    const t = await tenant({ spend_cap_cents: 10 });
    const big = chat('x'.repeat(40_000)); // ~10k prompt tokens on the premium model: ~15 cents
    const first = await call(base, 'POST', '/v1/chat/completions', {
      key: t.key,
      body: { ...big, model: 'anthropic/claude-opus-4.8' },
    });
    expect(first.status).toBe(200);
    expect(first.json.usage.cost_cents).toBeGreaterThan(10);
    const second = await call(base, 'POST', '/v1/chat/completions', { key: t.key, body: chat() });
    expect(second.status).toBe(402);
    expect(second.json.error.code).toBe('spend_cap_reached');
    expect(judge.problems('POST', '/v1/chat/completions', second)).toEqual([]);
    expect((await call(base, 'POST', '/v1/embeddings', { key: t.key, body: { input: 'x' } })).status).toBe(402);
    const balance = await call(base, 'GET', '/v1/balance', { key: t.key });
    expect(balance.status).toBe(200);
    expect(balance.json.remaining_cap_cents).toBe(0);
    await call(base, 'PATCH', `/v1/sub-accounts/${t.id}`, { body: { spend_cap_cents: null } });
    expect((await call(base, 'POST', '/v1/chat/completions', { key: t.key, body: chat() })).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the per-key RPM, and resets with the next minute', async () => {
    const t = await tenant({ rate_limit_rpm: 3 });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await call(base, 'GET', '/v1/models', { key: t.key });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(judge.problems('GET', '/v1/models', last!)).toEqual([]);
    clock += 60_000;
    const after = await call(base, 'GET', '/v1/models', { key: t.key });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining-requests')).toBe('2');
  });

  it('lets a key override its sub-account default', async () => {
    const sa = await call(base, 'POST', '/v1/sub-accounts', { body: { name: 'x', rate_limit_rpm: 1 } });
    const key = (await call(base, 'POST', `/v1/sub-accounts/${sa.json.id}/keys`, { body: { rate_limit_rpm: 5 } })).json
      .key;
    const res = await call(base, 'GET', '/v1/balance', { key });
    expect(res.headers.get('x-ratelimit-limit-requests')).toBe('5');
  });
});

describe('isolation', () => {
  it("hides one tenant's resources from another (404) and lets the root see everything", async () => {
    const [a, b] = [await tenant(), await tenant()];
    const job = (await call(base, 'POST', '/v1/jobs', { key: a.key, body: { input: 'private' } })).json;
    const req = await call(base, 'POST', '/v1/chat/completions', { key: a.key, body: chat('secret') });
    const reqId = req.headers.get('x-request-id')!;
    const rpl = (
      await call(base, 'POST', '/v1/replays', {
        key: a.key,
        body: { source_request_id: reqId, target_model: 'openai/gpt-5.4' },
      })
    ).json;
    for (const path of [`/v1/jobs/${job.id}`, `/v1/requests/${reqId}`, `/v1/replays/${rpl.id}`]) {
      const res = await call(base, 'GET', path, { key: b.key });
      expect(res.status, path).toBe(404);
      expect((await call(base, 'GET', path, { key: a.key })).status, path).toBe(200);
      expect((await call(base, 'GET', path)).status, path).toBe(200);
    }
    expect((await call(base, 'DELETE', `/v1/jobs/${job.id}`, { key: b.key })).status).toBe(404);
    expect(
      (
        await call(base, 'POST', '/v1/replays', {
          key: b.key,
          body: { source_request_id: reqId, target_model: 'openai/gpt-5.4' },
        })
      ).status,
    ).toBe(404);
    expect((await call(base, 'GET', '/v1/jobs', { key: b.key })).json.data).toEqual([]);
    expect((await call(base, 'GET', `/v1/usage?sub_account_id=${a.id}`, { key: b.key })).status).toBe(404);
  });

  it('forbids sub-account keys to manage sub-accounts (403)', async () => {
    const t = await tenant();
    for (const [method, path] of [
      ['GET', '/v1/sub-accounts'],
      ['GET', `/v1/sub-accounts/${t.id}`],
      ['POST', `/v1/sub-accounts/${t.id}/keys`],
      ['GET', '/v1/usage/by-sub-account'],
    ] as const) {
      const res = await call(base, method, path, { key: t.key });
      expect(res.status, path).toBe(403);
    }
  });
});

describe('usage accounting', () => {
  it('sums exactly the usage of the requests made, per tag and per sub-account', async () => {
    const t = await tenant({ default_tag: 'dflt' });
    const answers = [
      await call(base, 'POST', '/v1/chat/completions', {
        key: t.key,
        body: chat('one'),
        headers: { 'x-aig-tag': 'alpha' },
      }),
      await call(base, 'POST', '/v1/chat/completions', { key: t.key, body: chat('two') }),
      await call(base, 'POST', '/v1/embeddings', {
        key: t.key,
        body: { input: ['a', 'bb'] },
        headers: { 'x-aig-tag': 'alpha' },
      }),
    ];
    const usages = answers.map((a) => a.json.usage);
    const sum = (f: (u: any) => number) => usages.reduce((n, u) => n + f(u), 0);
    const report = (await call(base, 'GET', '/v1/usage?group_by=tag', { key: t.key })).json;
    expect(report.totals.requests).toBe(3);
    expect(report.totals.prompt_tokens).toBe(sum((u) => u.prompt_tokens));
    expect(report.totals.completion_tokens).toBe(sum((u) => u.completion_tokens ?? 0));
    expect(report.totals.cost_cents).toBeCloseTo(
      sum((u) => u.cost_cents),
      6,
    );
    expect(Object.fromEntries(report.data.map((d: any) => [d.group, d.requests]))).toEqual({ alpha: 2, dflt: 1 });
    const bySub = (await call(base, 'GET', '/v1/usage/by-sub-account?month=2026-03')).json.data.find(
      (d: any) => d.sub_account_id === t.id,
    );
    expect(bySub.requests).toBe(3);
    expect(bySub.cost_cents).toBeCloseTo(
      sum((u) => u.cost_cents),
      6,
    );
    expect((await call(base, 'GET', '/v1/balance', { key: t.key })).json.spent_cents).toBeCloseTo(
      sum((u) => u.cost_cents),
      6,
    );
    expect(
      (await call(base, 'GET', '/v1/usage?start=2026-04-01&end=2026-04-30', { key: t.key })).json.totals.requests,
    ).toBe(0);
  });
});
