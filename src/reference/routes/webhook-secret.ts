/** /v1/webhook-secret: the per-owner HMAC key of job webhooks. */
import type { Handler } from '../types.ts';
import { rotateSecret, secretFor } from '../webhooks.ts';

export const getWebhookSecret: Handler = (ctx) => {
  const s = secretFor(ctx.state, ctx.principal.owner, ctx.nowSec());
  const contentType = ctx.drift('wrong-content-type') ? 'text/plain' : undefined;
  return { status: 200, body: { object: 'webhook_secret', ...s }, contentType };
};

export const rotateWebhookSecret: Handler = (ctx) => {
  const s = rotateSecret(ctx.state, ctx.principal.owner, ctx.nowSec());
  return { status: 200, body: { object: 'webhook_secret', ...s } };
};
