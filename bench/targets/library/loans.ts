/**
 * Loans (a oneOf body, Idempotency-Key), reading lists (nested arrays, Idempotency-Key), search and suggestions
 * (rate-limited in server.ts), the maintenance switch and the health probe.
 */
import { ApiError, type Reply } from './http.ts';
import { bodyHash, type Ctx, type LoanRecord, newId } from './store.ts';

/**
 * Runs `create` once per Idempotency-Key of this operation: the same key and body give back the first reply
 * (as 200), the same key with another body is a 409.
 */
function idempotent(ctx: Ctx, create: () => Reply): Reply {
  const key = ctx.headers['idempotency-key'];
  const off = ctx.op.operationId === 'createReadingList' && ctx.drift('reading-list-idempotency');
  if (typeof key !== 'string' || off) return create();
  const slot = `${ctx.op.operationId}\n${key}`;
  const hash = bodyHash(ctx.body);
  const seen = ctx.store.idempotency.get(slot);
  if (seen && seen.hash !== hash)
    throw new ApiError(409, 'idempotency_key_reused', 'Idempotency-Key reused with a different body.');
  if (seen) return { status: 200, body: seen.body };
  const reply = create();
  ctx.store.idempotency.set(slot, { hash, status: reply.status, body: reply.body });
  return reply;
}

/** `days` from today as an ISO date; today when `days` is not a number (only under `loan-branch-days`). */
function dueDate(days: unknown): string {
  const n = typeof days === 'number' && Number.isFinite(days) ? days : 0;
  const d = new Date(Date.now() + Math.max(-1e6, Math.min(1e6, n)) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function createLoan(ctx: Ctx): Reply {
  const b = ctx.body as { kind: 'print' | 'ebook'; bookId: string; format?: string; days?: unknown };
  return idempotent(ctx, () => {
    const book = ctx.store.books.get(b.bookId);
    if (!book) throw new ApiError(404, 'not_found', `No book ${b.bookId}.`);
    if (b.kind === 'ebook' && !book.formats.includes('ebook')) {
      const status = ctx.drift('ebook-kind-400') ? 400 : 422;
      throw new ApiError(status, 'no_ebook_edition', `${b.bookId} has no e-book edition.`);
    }
    const days = b.days ?? 14;
    const loan: LoanRecord = {
      id: newId('ln'),
      kind: b.kind,
      bookId: book.id,
      ...(b.format === undefined ? {} : { format: b.format }),
      days,
      status: 'active',
      dueDate: dueDate(days),
    };
    ctx.store.loans.set(loan.id, loan);
    return { status: 201, body: loan };
  });
}

function loanOf(ctx: Ctx): LoanRecord {
  const loan = ctx.store.loans.get(ctx.params.loanId!);
  if (!loan) throw new ApiError(404, 'not_found', `No loan ${ctx.params.loanId}.`);
  return loan;
}

export const getLoan = (ctx: Ctx): Reply => ({ status: 200, body: loanOf(ctx) });

export function returnLoan(ctx: Ctx): Reply {
  const loan = loanOf(ctx);
  if (loan.status === 'returned') throw new ApiError(409, 'already_returned', `${loan.id} was returned already.`);
  loan.status = 'returned';
  return { status: 200, body: loan };
}

export function createReadingList(ctx: Ctx): Reply {
  const b = ctx.body as { name: string; entries: any[] };
  if (b.entries.length > 10 && ctx.drift('reading-list-long'))
    throw new ApiError(500, 'internal_error', 'Simulated failure (reading-list-long drift).');
  return idempotent(ctx, () => {
    // Under `reading-list-nested` an entry may be anything: what is stored is read defensively.
    const entries = b.entries.map((e) => ({
      bookId: String(e?.bookId ?? ''),
      notes: Array.isArray(e?.notes) ? e.notes.map(String) : [],
    }));
    const list = { id: newId('rl'), name: b.name, entries };
    ctx.store.lists.set(list.id, list);
    return { status: 201, body: list };
  });
}

export function getReadingList(ctx: Ctx): Reply {
  const list = ctx.store.lists.get(ctx.params.listId!);
  if (!list) throw new ApiError(404, 'not_found', `No reading list ${ctx.params.listId}.`);
  return { status: 200, body: list };
}

export function search(ctx: Ctx): Reply {
  const q = String(ctx.query.q).toLowerCase();
  const type = ctx.query.type as string | undefined;
  const books = [...ctx.store.books.values()]
    .filter((b) => b.title.toLowerCase().includes(q))
    .map((b) => ({ type: 'book', id: b.id, label: b.title }));
  const members = [...ctx.store.members.values()]
    .filter((m) => !m.deleted && m.name.toLowerCase().includes(q))
    .map((m) => ({ type: 'member', id: m.id, label: m.name }));
  const results = [...books, ...members].filter((r) => !type || r.type === type);
  const headers = { 'x-ratelimit-remaining': String(ctx.rateLeft ?? 0) };
  return { status: 200, headers, body: { query: String(ctx.query.q), results } };
}

export function suggestPurchase(ctx: Ctx): Reply {
  ctx.store.suggestions++;
  const b = ctx.body as { title: string; author?: string };
  return { status: 201, body: { id: `sg_${ctx.store.suggestions}`, ...b } };
}

export const getMaintenance = (ctx: Ctx): Reply => ({ status: 200, body: ctx.store.maintenance });

export function setMaintenance(ctx: Ctx): Reply {
  const b = ctx.body as { enabled: boolean; message?: string };
  ctx.store.maintenance = { enabled: b.enabled, ...(b.message === undefined ? {} : { message: b.message }) };
  return { status: 200, body: ctx.store.maintenance };
}

export const getHealth = (): Reply => ({ status: 200, body: { status: 'ok' } });
