/** /books: the catalogue, with ETags (If-None-Match → 304, If-Match → 412/428), offset pages and covers. */
import { ApiError, type Reply } from './http.ts';
import { type BookRecord, type Ctx, etagOf, NOW, newId } from './store.ts';

const serverError = (drift: string) => new ApiError(500, 'internal_error', `Simulated failure (${drift} drift).`);

/** One page of `items` with X-Total-Count and, while more follow, a `rel="next"` Link. */
export function pageOf<T>(ctx: Ctx, items: T[], path: string): Reply {
  const limit = (ctx.query.limit as number | undefined) ?? 20;
  const offset = (ctx.query.offset as number | undefined) ?? 0;
  const headers: Record<string, string> = { 'x-total-count': String(items.length) };
  if (offset + limit < items.length) headers.link = `<${path}?offset=${offset + limit}&limit=${limit}>; rel="next"`;
  return { status: 200, headers, body: items.slice(offset, offset + limit) };
}

/** The contract's Book object. */
function toBook(b: BookRecord, ctx: Ctx): Record<string, unknown> {
  const { version: _version, ...rest } = b;
  // genre-poetry-case: only the answer to a create with genre `poetry` is affected.
  if (ctx.drift('genre-poetry-case') && ctx.op.operationId === 'createBook' && b.genre === 'poetry')
    return { ...rest, genre: 'Poetry' };
  return rest;
}

function liveBook(ctx: Ctx): BookRecord {
  const b = ctx.store.books.get(ctx.params.bookId!);
  if (!b) throw new ApiError(404, 'not_found', `No book ${ctx.params.bookId}.`);
  return b;
}

const SORTS: Record<string, (a: BookRecord, b: BookRecord) => number> = {
  title: (a, b) => a.title.localeCompare(b.title),
  '-title': (a, b) => b.title.localeCompare(a.title),
  year: (a, b) => (a.year ?? 0) - (b.year ?? 0),
  '-year': (a, b) => (b.year ?? 0) - (a.year ?? 0),
};

export function listBooks(ctx: Ctx): Reply {
  const { genre, sort, q } = ctx.query as { genre?: string; sort?: string; q?: string };
  if (sort === '-year' && ctx.drift('sort-year-desc')) throw serverError('sort-year-desc');
  let books = [...ctx.store.books.values()].filter(
    (b) => (!genre || b.genre === genre) && (!q || b.title.toLowerCase().includes(q.toLowerCase())),
  );
  if (sort) books = books.sort(SORTS[sort]);
  const reply = pageOf(
    ctx,
    books.map((b) => toBook(b, ctx)),
    '/books',
  );
  if (ctx.drift('total-count-offset') && ((ctx.query.offset as number | undefined) ?? 0) > 0)
    delete reply.headers!['x-total-count'];
  return reply;
}

export function createBook(ctx: Ctx): Reply {
  const b = ctx.body as { title: string; isbn: string; genre: string; year?: number; pages?: number; ebook?: boolean };
  // title-control-char: the title reaches storage before the uniqueness check, as an INSERT would.
  if (ctx.drift('title-control-char') && /[\u0000-\u001f]/.test(b.title)) throw serverError('title-control-char');
  if ([...ctx.store.books.values()].some((x) => x.isbn === b.isbn))
    throw new ApiError(409, 'isbn_taken', `A book with ISBN ${b.isbn} exists.`);
  const book: BookRecord = {
    id: newId('bk'),
    title: b.title,
    isbn: b.isbn,
    genre: b.genre,
    ...(b.year === undefined ? {} : { year: b.year }),
    ...(b.pages === undefined ? {} : { pages: b.pages }),
    formats: b.ebook ? ['print', 'ebook'] : ['print'],
    createdAt: NOW(),
    version: 1,
  };
  ctx.store.books.set(book.id, book);
  const headers: Record<string, string> = { etag: etagOf(book), location: `/books/${book.id}` };
  if (ctx.drift('book-fresh-isbn')) delete headers.location;
  return { status: 201, headers, body: toBook(book, ctx) };
}

export function getBook(ctx: Ctx): Reply {
  const b = liveBook(ctx);
  const tag = etagOf(b);
  const inm = ctx.headers['if-none-match'];
  if (typeof inm === 'string' && inm.split(',').some((t) => t.trim() === tag || t.trim() === '*'))
    return { status: 304, headers: ctx.drift('not-modified-etag') ? {} : { etag: tag } };
  return { status: 200, headers: { etag: tag }, body: toBook(b, ctx) };
}

/** 412 unless `If-Match` (when given) names the book's current ETag or is `*`. */
function checkIfMatch(ctx: Ctx, b: BookRecord): void {
  const im = ctx.headers['if-match'];
  if (typeof im === 'string' && !im.split(',').some((t) => t.trim() === etagOf(b) || t.trim() === '*'))
    throw new ApiError(412, 'precondition_failed', `If-Match does not match ${etagOf(b)}.`);
}

export function updateBook(ctx: Ctx): Reply {
  const b = liveBook(ctx);
  checkIfMatch(ctx, b);
  Object.assign(b, ctx.body);
  b.version++;
  return { status: 200, headers: { etag: etagOf(b) }, body: toBook(b, ctx) };
}

export function deleteBook(ctx: Ctx): Reply {
  if (ctx.headers['if-match'] === undefined && !ctx.drift('if-match-optional'))
    throw new ApiError(428, 'precondition_required', 'If-Match is required to delete a book.');
  const b = liveBook(ctx);
  checkIfMatch(ctx, b);
  ctx.store.books.delete(b.id);
  return { status: 204 };
}

export function uploadCover(ctx: Ctx): Reply {
  const b = liveBook(ctx);
  const file = ctx.files?.file;
  if (!file) throw new ApiError(400, 'invalid_request', 'body/file: must be a file part.');
  const caption = (ctx.body.caption as string | undefined) ?? '';
  const example = ctx.drift('cover-example-caption') && caption === 'First edition cover';
  return {
    status: 201,
    body: {
      bookId: b.id,
      bytes: file.size,
      contentType: file.type || 'application/octet-stream',
      caption: example ? null : caption,
    },
  };
}
