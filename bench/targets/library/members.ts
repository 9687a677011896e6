/** /members: registration with unique e-mail addresses (409), offset pages, soft deletion. */
import { pageOf } from './books.ts';
import { ApiError, type Reply } from './http.ts';
import { type Ctx, type MemberRecord, NOW, newId } from './store.ts';

/** int64's largest value: an offset beyond it is where a typed backend would overflow. */
const INT64_MAX = 9223372036854775807n;

/** The contract's Member object. */
function toMember(m: MemberRecord): Record<string, unknown> {
  const { deleted: _deleted, ...rest } = m;
  return rest;
}

/** The member of the path if it exists and is not deleted (or, under `member-use-after-delete`, even then). */
export function memberOf(ctx: Ctx, allowDeleted = false): MemberRecord {
  const m = ctx.store.members.get(ctx.params.memberId!);
  if (!m || (m.deleted && !allowDeleted)) throw new ApiError(404, 'not_found', `No member ${ctx.params.memberId}.`);
  return m;
}

export function listMembers(ctx: Ctx): Reply {
  const raw = ctx.rawQuery.get('offset');
  if (ctx.drift('offset-past-int64') && raw !== null && /^\d+$/.test(raw) && BigInt(raw) > INT64_MAX)
    throw new ApiError(500, 'internal_error', 'Simulated overflow (offset-past-int64 drift).');
  const live = [...ctx.store.members.values()].filter((m) => !m.deleted).map(toMember);
  return pageOf(ctx, live, '/members');
}

export function createMember(ctx: Ctx): Reply {
  const b = ctx.body as { email: string; name: string; tier?: string };
  const email = b.email.toLowerCase();
  if ([...ctx.store.members.values()].some((m) => !m.deleted && m.email.toLowerCase() === email))
    throw new ApiError(409, 'email_taken', `A member with e-mail ${b.email} exists.`);
  const m: MemberRecord = {
    id: newId('mem'),
    email: b.email,
    name: b.name,
    tier: b.tier ?? 'basic',
    createdAt: NOW(),
    deleted: false,
  };
  ctx.store.members.set(m.id, m);
  const body = toMember(m);
  if (ctx.drift('member-fresh-email')) body.tier = m.tier.toUpperCase();
  return { status: 201, headers: { location: `/members/${m.id}` }, body };
}

export function getMember(ctx: Ctx): Reply {
  return { status: 200, body: toMember(memberOf(ctx, ctx.drift('member-use-after-delete'))) };
}

export function updateMember(ctx: Ctx): Reply {
  const m = memberOf(ctx);
  Object.assign(m, ctx.body);
  const body = toMember(m);
  if (ctx.drift('live-member-patch-type')) body.createdAt = Math.floor(Date.parse(m.createdAt) / 1000);
  return { status: 200, body };
}

export function deleteMember(ctx: Ctx): Reply {
  const m = memberOf(ctx);
  m.deleted = true;
  if (ctx.drift('live-member-delete-status')) return { status: 200, body: { id: m.id, deleted: true } };
  return { status: 204 };
}
