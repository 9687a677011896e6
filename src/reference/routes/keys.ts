/** /v1/sub-accounts/{id}/keys: minting, listing and revoking scoped keys. The plaintext is shown once. */
import { notFound } from '../errors.ts';
import { newApiKey, newId } from '../ids.ts';
import type { KeyRecord } from '../store.ts';
import type { Handler } from '../types.ts';
import { page, pageParams, requireRoot } from './common.ts';
import { liveSubAccount } from './sub-accounts.ts';

/** The contract's ApiKey object: never the plaintext. */
function toApiKey(k: KeyRecord): { id: string } & Record<string, unknown> {
  return {
    id: k.id,
    object: 'api_key',
    name: k.name,
    sub_account_id: k.sub_account_id,
    prefix: k.key.slice(0, 13),
    rate_limit_rpm: k.rate_limit_rpm,
    created_at: k.created_at,
    last_used_at: k.last_used_at,
  };
}

export const createSubAccountKey: Handler = (ctx) => {
  requireRoot(ctx);
  const sub = liveSubAccount(ctx, ctx.params.id!);
  const b = (ctx.body ?? {}) as { name?: string; rate_limit_rpm?: number | null };
  const rec: KeyRecord = {
    id: newId('key_'),
    key: newApiKey(),
    name: b.name ?? null,
    sub_account_id: sub.id,
    rate_limit_rpm: b.rate_limit_rpm ?? null,
    created_at: ctx.nowSec(),
    last_used_at: null,
    revoked: false,
  };
  ctx.state.keys.set(rec.id, rec);
  return { status: 201, body: { ...toApiKey(rec), key: rec.key } };
};

export const listSubAccountKeys: Handler = (ctx) => {
  requireRoot(ctx);
  const sub = liveSubAccount(ctx, ctx.params.id!);
  const [limit, after] = pageParams(ctx);
  const keys = [...ctx.state.keys.values()].filter((k) => k.sub_account_id === sub.id && !k.revoked).map(toApiKey);
  return { status: 200, body: page(keys, limit, after) };
};

export const revokeSubAccountKey: Handler = (ctx) => {
  requireRoot(ctx);
  const sub = liveSubAccount(ctx, ctx.params.id!);
  const key = ctx.state.keys.get(ctx.params.keyId!);
  if (!key || key.sub_account_id !== sub.id || key.revoked) throw notFound('key', ctx.params.keyId!);
  key.revoked = true;
  return { status: 200, body: { id: key.id, object: 'api_key', deleted: true } };
};
