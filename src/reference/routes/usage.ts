/** /v1/usage[...]: sums over the usage records, so reports always equal the billed requests. */
import { notFound } from '../errors.ts';
import { canSee, type UsageRecord } from '../store.ts';
import type { Handler, RouteContext } from '../types.ts';
import { requireRoot } from './common.ts';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Requests, tokens and cost of `records`. */
function totals(records: UsageRecord[]) {
  const t = { requests: records.length, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cost_cents: 0 };
  for (const r of records) {
    t.prompt_tokens += r.prompt_tokens;
    t.completion_tokens += r.completion_tokens;
    t.cost_cents += r.cost_cents;
  }
  return { ...t, total_tokens: t.prompt_tokens + t.completion_tokens, cost_cents: round6(t.cost_cents) };
}

/** Groups `records` by `key`, in first-seen order. */
function groupBy<K>(records: UsageRecord[], key: (r: UsageRecord) => K): Map<K, UsageRecord[]> {
  const groups = new Map<K, UsageRecord[]>();
  for (const r of records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return groups;
}

const mine = (ctx: RouteContext): UsageRecord[] => ctx.state.usage.filter((u) => canSee(ctx.principal.owner, u.owner));
const monthOf = (ctx: RouteContext): string =>
  (ctx.query.month as string | undefined) ?? day(ctx.opts.now()).slice(0, 7);

export const getUsage: Handler = (ctx) => {
  const q = ctx.query as {
    start?: string;
    end?: string;
    key_id?: string;
    sub_account_id?: string;
    tag?: string;
    group_by?: string;
  };
  const today = day(ctx.opts.now());
  const start = q.start ?? `${today.slice(0, 8)}01`;
  const end = q.end ?? today;
  // A range with end before start is simply empty: every schema-valid query gets a 200.
  const sub = q.sub_account_id;
  if (sub !== undefined && ctx.principal.owner !== 'root' && sub !== ctx.principal.owner)
    throw notFound('sub-account', sub);
  const groupKey = q.group_by ?? 'day';
  const records = mine(ctx).filter((u) => {
    const d = day(u.at);
    return (
      d >= start &&
      d <= end &&
      (q.key_id === undefined || u.keyId === q.key_id) &&
      (sub === undefined || u.owner === sub) &&
      (q.tag === undefined || u.tag === q.tag)
    );
  });
  const keyOf = (r: UsageRecord): string | null =>
    groupKey === 'day'
      ? day(r.at)
      : groupKey === 'model'
        ? r.model
        : groupKey === 'key'
          ? r.keyId
          : groupKey === 'tag'
            ? r.tag
            : r.owner === 'root'
              ? null
              : r.owner;
  const data = [...groupBy(records, keyOf)].map(([group, rs]) => ({ group, ...totals(rs) }));
  return { status: 200, body: { object: 'usage', start, end, group_by: groupKey, totals: totals(records), data } };
};

export const getUsageByTag: Handler = (ctx) => {
  const month = monthOf(ctx);
  const records = mine(ctx).filter((u) => day(u.at).startsWith(month));
  const data = [...groupBy(records, (r) => r.tag)].map(([tag, rs]) => ({
    tag,
    requests: rs.length,
    cost_cents: totals(rs).cost_cents,
  }));
  return { status: 200, body: { object: 'usage.by_tag', month, data } };
};

export const getUsageBySubAccount: Handler = (ctx) => {
  requireRoot(ctx);
  const month = monthOf(ctx);
  const records = ctx.state.usage.filter((u) => u.owner !== 'root' && day(u.at).startsWith(month));
  const data = [...groupBy(records, (r) => r.owner)].map(([id, rs]) => {
    const sub = ctx.state.subAccounts.get(id)!;
    return {
      sub_account_id: id,
      name: sub.name,
      requests: rs.length,
      cost_cents: totals(rs).cost_cents,
      spend_cap_cents: sub.spend_cap_cents,
    };
  });
  return { status: 200, body: { object: 'usage.by_sub_account', month, data } };
};
