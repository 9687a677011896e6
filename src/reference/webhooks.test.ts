/**
 * Laws of job webhooks: a finished job POSTs a `job.completed` (or `job.failed`) event to its
 * webhook_url, signed `t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<raw body>"))` with the owner's current
 * secret; the payload validates against the contract's webhook schema; non-2xx answers are retried
 * with the same event id; any http(s) URL is accepted, but only loopback hosts are ever contacted.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceServer, type ReferenceServer } from './index.ts';
import { MAX_ATTEMPTS } from './webhooks.ts';
import { Conformance, call, startReceiver, type Received } from './test-support.ts';

const judge = new Conformance();
let gw: ReferenceServer;
let base = '';
beforeAll(async () => {
  gw = createReferenceServer({ jobStepMs: 5 });
  base = (await gw.listen(0)).url;
});
afterAll(() => gw.close());

/** Verifies a delivery as a receiver should: recompute the HMAC over the raw body. */
function verifies(hit: Received, secret: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hit.headers['x-aig-signature']));
  if (!m) return false;
  return (
    createHmac('sha256', secret).update(`${m[1]}.${hit.body}`).digest('hex') === m[2] &&
    Math.abs(Date.now() / 1000 - Number(m[1])) < 300
  );
}

const payloadValid = (hit: Received, schema: string): boolean =>
  judge.schemas.validator(`/components/schemas/${schema}`)(JSON.parse(hit.body));

describe('job webhooks', () => {
  it('delivers a signed job.completed matching the contract', async () => {
    const rx = await startReceiver();
    const secret = (await call(base, 'GET', '/v1/webhook-secret')).json.secret;
    const job = await call(base, 'POST', '/v1/jobs', {
      body: { input: 'hello', webhook_url: rx.url, metadata: { run: '1' } },
    });
    const [hit] = await rx.waitFor(1);
    await rx.close();
    expect(hit!.headers['x-aig-event-type']).toBe('job.completed');
    expect(verifies(hit!, secret)).toBe(true);
    expect(payloadValid(hit!, 'JobCompletedEvent')).toBe(true);
    const event = JSON.parse(hit!.body);
    expect(event.data.job).toMatchObject({ id: job.json.id, status: 'succeeded', metadata: { run: '1' } });
    expect(hit!.headers['x-aig-event-id']).toBe(event.id);
  });

  it('delivers job.failed for a failing job', async () => {
    const rx = await startReceiver();
    await call(base, 'POST', '/v1/jobs', { body: { input: 'please [[fail]]', webhook_url: rx.url } });
    const [hit] = await rx.waitFor(1);
    await rx.close();
    expect(hit!.headers['x-aig-event-type']).toBe('job.failed');
    expect(payloadValid(hit!, 'JobFailedEvent')).toBe(true);
    expect(JSON.parse(hit!.body).data.job.error.code).toBe('generation_failed');
  });

  it('retries non-2xx answers with the same event id, and signs retries with the rotated secret', async () => {
    // Its own gateway with a slower step, so the rotation surely lands between attempt 1 and 3 (40 + 80 ms).
    const slow = createReferenceServer({ jobStepMs: 40 });
    const url = (await slow.listen(0)).url;
    const rx = await startReceiver([500, 503]);
    await call(url, 'POST', '/v1/jobs', { body: { input: 'retry me', webhook_url: rx.url } });
    await rx.waitFor(1);
    const rotated = (await call(url, 'POST', '/v1/webhook-secret/rotate')).json.secret;
    const hits = await rx.waitFor(3);
    await new Promise((r) => setTimeout(r, 400)); // a 2xx must stop the retries
    await Promise.all([rx.close(), slow.close()]);
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => h.headers['x-aig-event-id'])).size).toBe(1);
    expect(hits.map((h) => h.headers['x-aig-delivery-attempt'])).toEqual(['1', '2', '3']);
    expect(verifies(hits[2]!, rotated)).toBe(true);
  });

  it('gives up after a bounded number of attempts', async () => {
    const rx = await startReceiver(Array(10).fill(500));
    await call(base, 'POST', '/v1/jobs', { body: { input: 'never acknowledged', webhook_url: rx.url } });
    await rx.waitFor(MAX_ATTEMPTS);
    await new Promise((r) => setTimeout(r, 400)); // longer than the next backoff would be
    await rx.close();
    expect(rx.received).toHaveLength(MAX_ATTEMPTS);
  });

  it("signs a sub-account's webhooks with that sub-account's own secret", async () => {
    const sa = await call(base, 'POST', '/v1/sub-accounts', { body: { name: 'hooks' } });
    const key = (await call(base, 'POST', `/v1/sub-accounts/${sa.json.id}/keys`)).json.key;
    const own = (await call(base, 'GET', '/v1/webhook-secret', { key })).json.secret;
    const root = (await call(base, 'GET', '/v1/webhook-secret')).json.secret;
    expect(own).not.toBe(root);
    const rx = await startReceiver();
    await call(base, 'POST', '/v1/jobs', { body: { input: 'tenant job', webhook_url: rx.url }, key });
    const [hit] = await rx.waitFor(1);
    await rx.close();
    expect(verifies(hit!, own)).toBe(true);
    expect(verifies(hit!, root)).toBe(false);
  });

  it.each(['ftp://127.0.0.1/x', 'mailto:ops@example.com'])(
    'rejects a non-http(s) webhook_url %s with 400',
    async (url) => {
      const res = await call(base, 'POST', '/v1/jobs', { body: { input: 'x', webhook_url: url } });
      expect(res.status).toBe(400);
      expect(res.json.error.param).toBe('webhook_url');
    },
  );

  it.each(['https://example.com/hook', 'http://10.0.0.1/hook'])(
    'accepts %s but never contacts a non-loopback host',
    async (url) => {
      const res = await call(base, 'POST', '/v1/jobs', { body: { input: 'x', webhook_url: url } });
      expect(res.status).toBe(202);
      expect(res.json.webhook_url).toBe(url);
    },
  );
});
