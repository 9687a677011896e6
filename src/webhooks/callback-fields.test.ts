/** Laws of placing the receiver URL: callback fields of valid JSON cases only, nothing else changes. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import type { Case } from '../types.ts';
import { callbackPointers, withCallbackUrl } from './callback-fields.ts';
import { deliverySignatureProblem, secretsIn } from './delivery-signature.ts';

const SPEC = specFromText(
  `
openapi: 3.1.0
info: {title: cb, version: '1'}
paths:
  /subscribe:
    post:
      requestBody: {content: {application/json: {schema: {type: object}}}}
      callbacks:
        done: {'{$request.body#/target/href}': {post: {responses: {'200': {description: ok}}}}}
      responses: {'201': {description: ok}}
webhooks:
  job.done:
    post:
      parameters: [{name: X-Signature, in: header, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
`,
  'cb.yaml',
);

const c = (kind: Case['kind'], body: unknown): Case => ({
  ...{ id: 'x', operation: 'POST /subscribe', kind, method: 'POST', path: '/subscribe', query: '', headers: {} },
  ...{ cookies: {}, seed: 1, mediaType: 'application/json', body, bodyText: JSON.stringify(body) },
});

describe('withCallbackUrl', () => {
  const pointers = callbackPointers(SPEC, SPEC.operations.find((o) => o.key === 'POST /subscribe')!);

  it('reads the body pointers of the callbacks runtime expressions', () => {
    expect(pointers).toEqual(['/target/href']);
  });

  it('puts the URL where the callbacks read it and in fields named like webhook_url, re-serializing the body', () => {
    const out = withCallbackUrl(
      c('positive', { target: { href: 'http://a' }, hook: { webhook_url: 'http://b' }, n: 1 }),
      pointers,
      'http://r/c/1',
    );
    expect(out.body).toEqual({ target: { href: 'http://r/c/1' }, hook: { webhook_url: 'http://r/c/1' }, n: 1 });
    expect(JSON.parse(out.bodyText!)).toEqual(out.body);
  });

  it('leaves negative cases, cases without such a field and non-string values alone', () => {
    for (const x of [
      c('negative', { webhook_url: 'http://b' }),
      c('positive', { n: 1 }),
      c('example', { callback_url: 3 }),
    ])
      expect(withCallbackUrl(x, pointers, 'http://r/c/1')).toBe(x);
  });
});

describe('delivery signatures', () => {
  const hook = SPEC.operations.find((o) => o.webhook)!;
  const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
  const d = (sig: string) => ({
    method: 'POST',
    path: '/c/1',
    headers: { 'x-signature': sig },
    body: '{"a":1}',
    receivedAt: 0,
  });

  it('verifies with any secret the run saw, and names a signature none verifies', () => {
    expect(secretsIn('{"secret":"whsec_12345678","other":{"signing_secret":"s2_abcdefgh"}}')).toEqual([
      'whsec_12345678',
      's2_abcdefgh',
    ]);
    expect(
      deliverySignatureProblem(hook, d(sign('new-secret', '{"a":1}')), ['old-secret', 'new-secret'], 0),
    ).toBeUndefined();
    expect(deliverySignatureProblem(hook, d(sign('wrong', '{"a":1}')), ['new-secret'], 0)).toMatch(/X-Signature/);
    expect(deliverySignatureProblem(hook, d('anything'), [], 0)).toBeUndefined();
  });
});
