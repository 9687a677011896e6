import { createHmac } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../load/index.ts';
import type { Spec } from '../types.ts';
import { createValidator, type Validator } from '../validate/index.ts';
import { startWebhookReceiver, type Delivery, type WebhookReceiver } from './receiver.ts';
import { signatureProblem, type SignatureOptions } from './signature.ts';
import { judgeDelivery } from './validate-delivery.ts';

const secret = 'whsec_test';
const body = '{"id":"evt_1"}';
const sign = (t: number, text = body, key = secret) =>
  `t=${t},v1=${createHmac('sha256', key).update(`${t}.${text}`).digest('hex')}`;
const now = 1_800_000_000;
const opts: SignatureOptions = { scheme: 't-v1', secret, toleranceSeconds: 300, nowSeconds: now };

describe('signatureProblem', () => {
  const table: Array<[string, string | undefined, Partial<SignatureOptions>, RegExp | undefined]> = [
    ['valid', sign(now), {}, undefined],
    ['valid among several v1 (rotation)', `${sign(now, body, 'old')},v1=${sign(now).split('v1=')[1]}`, {}, undefined],
    ['wrong secret', sign(now, body, 'whsec_other'), {}, /not HMAC-SHA256/],
    ['body changed', sign(now, '{"id":"evt_2"}'), {}, /not HMAC-SHA256/],
    ['stale timestamp', sign(now - 301), {}, /301 s away from now \(tolerance 300 s\)/],
    ['future timestamp', sign(now + 400), {}, /400 s away/],
    ['malformed', 'v1=abc', {}, /malformed signature header/],
    ['missing', undefined, {}, /no signature header/],
    ['hex scheme', `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`, { scheme: 'hex' }, undefined],
    ['hex scheme, wrong', 'sha256=00', { scheme: 'hex' }, /does not match/],
  ];
  it.each(table)('%s', (_n, header, over, want) => {
    const p = signatureProblem(header, body, { ...opts, ...over });
    if (want) expect(p).toMatch(want);
    else expect(p).toBeUndefined();
  });
});

describe('webhook receiver', () => {
  let r: WebhookReceiver | undefined;
  afterEach(async () => r?.close());
  it('records raw bodies and headers, answers 200, and waitFor returns what came by the timeout', async () => {
    r = await startWebhookReceiver();
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks$/);
    const res = await fetch(r.url, { method: 'POST', headers: { 'x-sig': 'a' }, body: '{ "raw" : 1 }' });
    expect(res.status).toBe(200);
    const got = await r.waitFor(1, 1000);
    expect(got.map((d) => [d.body, d.headers['x-sig']])).toEqual([['{ "raw" : 1 }', 'a']]);
    const started = Date.now();
    expect(await r.waitFor(2, 100)).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });
});

describe('judgeDelivery against openapi.json webhooks', () => {
  let spec: Spec;
  let validator: Validator;
  beforeAll(async () => {
    spec = await loadSpec(path.resolve(import.meta.dirname, '../../openapi.json'));
    validator = createValidator(spec);
  });
  const job = {
    id: 'job_1',
    object: 'job',
    status: 'failed',
    model: 'm',
    progress: 100,
    webhook_url: null,
    metadata: {},
    result: null,
    error: { code: 'x', message: 'y' },
    created_at: 1,
    started_at: 1,
    completed_at: 2,
    sub_account_id: null,
    tag: null,
  };
  const delivery = (type: string, b: unknown, extra: Record<string, string> = {}): Delivery => ({
    method: 'POST',
    path: '/hooks',
    receivedAt: 0,
    body: JSON.stringify(b),
    headers: {
      'x-aig-signature': `t=1,v1=${'a'.repeat(64)}`,
      'x-aig-event-id': 'evt_1',
      'x-aig-event-type': type,
      ...extra,
    },
  });
  it('picks the webhook the event-type header names and finds nothing wrong with a conforming delivery', () => {
    const v = judgeDelivery(
      spec,
      validator,
      delivery('job.failed', { id: 'evt_1', object: 'event', type: 'job.failed', created: 1, data: { job } }),
    );
    expect(v.webhook?.path).toBe('job.failed');
    expect(v.problems).toEqual([]);
  });
  it('reports a missing required header and a body that breaks the schema', () => {
    const d = delivery('job.failed', {
      id: 'evt_1',
      object: 'event',
      type: 'job.failed',
      created: 'soon',
      data: { job },
    });
    delete d.headers['x-aig-event-id'];
    const v = judgeDelivery(spec, validator, d);
    expect(v.problems.map((p) => p.message).join('\n')).toMatch(
      /required header x-aig-event-id missing[\s\S]*body\/created/,
    );
  });
  it('a body that is not JSON is a problem, not a crash', () => {
    expect(
      judgeDelivery(spec, validator, { ...delivery('job.failed', {}), body: 'nope' }).problems[0]!.message,
    ).toMatch(/not JSON/);
  });
});
