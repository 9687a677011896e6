/** /v1/sub-accounts: per-customer accounts. Root key only (sub-account keys get 403). */
import { ApiError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { SubAccountRecord } from '../store.ts';
import type { Handler, RouteContext } from '../types.ts';
import { page, pageParams, requireRoot } from './common.ts';

/** The contract's SubAccount object. */
export function toSubAccount(r: SubAccountRecord): Record<string, unknown> {
  const { deleted: _deleted, ...rest } = r;
  return { ...rest, object: 'sub_account' };
}

/** The live sub-account `id` (deleted ones are gone, except under the `use-after-free` drift). */
export function liveSubAccount(ctx: RouteContext, id: string, allowDeleted = false): SubAccountRecord {
  const rec = ctx.state.subAccounts.get(id);
  if (!rec || (rec.deleted && !allowDeleted)) throw notFound('sub-account', id);
  return rec;
}

/** int64's largest value: a cap beyond it is where a typed backend would overflow. */
const INT64_MAX = 2 ** 63 - 1;

export const createSubAccount: Handler = (ctx) => {
  requireRoot(ctx);
  const b = ctx.body as Partial<SubAccountRecord> & { name: string };
  // huge-integer-error: the cap is stored as if in an int64 column, and one beyond its range fails.
  if (ctx.drift('huge-integer-error') && (b.spend_cap_cents ?? 0) > INT64_MAX)
    throw new ApiError(500, 'api_error', 'internal_error', 'Simulated overflow (huge-integer-error drift).');
  const rec: SubAccountRecord = {
    id: newId('sa_'),
    name: b.name,
    external_ref: b.external_ref ?? null,
    spend_cap_cents: b.spend_cap_cents ?? null,
    spent_cents: 0,
    rate_limit_rpm: b.rate_limit_rpm ?? null,
    default_tag: b.default_tag ?? null,
    created_at: ctx.nowSec(),
    deleted: false,
  };
  ctx.state.subAccounts.set(rec.id, rec);
  return { status: 201, body: toSubAccount(rec) };
};

export const listSubAccounts: Handler = (ctx) => {
  requireRoot(ctx);
  const [limit, after] = pageParams(ctx);
  const all = [...ctx.state.subAccounts.values()]
    .filter((r) => !r.deleted)
    .map((r) => toSubAccount(r) as { id: string });
  return { status: 200, body: page(all, limit, after) };
};

export const getSubAccount: Handler = (ctx) => {
  requireRoot(ctx);
  return { status: 200, body: toSubAccount(liveSubAccount(ctx, ctx.params.id!, ctx.drift('use-after-free'))) };
};

export const updateSubAccount: Handler = (ctx) => {
  requireRoot(ctx);
  const rec = liveSubAccount(ctx, ctx.params.id!);
  Object.assign(rec, ctx.body as Partial<SubAccountRecord>);
  const body = toSubAccount(rec);
  // live-patch-wrong-type: reached only through a sub-account that exists (unknown ids 404 above).
  if (ctx.drift('live-patch-wrong-type')) body.spent_cents = String(rec.spent_cents);
  return { status: 200, body };
};

export const deleteSubAccount: Handler = (ctx) => {
  requireRoot(ctx);
  const rec = liveSubAccount(ctx, ctx.params.id!);
  rec.deleted = true;
  for (const key of ctx.state.keys.values()) if (key.sub_account_id === rec.id) key.revoked = true;
  return { status: 200, body: { id: rec.id, object: 'sub_account', deleted: true } };
};
