/**
 * Law: each planted drift of the library target makes its one operation deviate the way its declaration says,
 * and the same scenario against a clean server shows no deviation. Scenarios return the deviations they observed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LIBRARY_DRIFTS } from './drifts.ts';
import { createLibraryServer, type LibraryServer } from './server.ts';
import { call, problems } from './test-kit.ts';

const open: LibraryServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start(drifts: string[]): Promise<string> {
  const server = createLibraryServer({ drifts });
  open.push(server);
  return (await server.listen(0)).url;
}

/** The contract problems of one call of `key` ("METHOD /path") at `path`. */
async function judged(base: string, key: string, path: string, o: Parameters<typeof call>[3] = {}) {
  return problems(key, await call(base, key.split(' ')[0]!, path, o));
}

/** A deviation when `status` came back. */
const when = async (answer: Promise<{ status: number }>, status: number, what: string) =>
  (await answer).status === status ? [what] : [];

const isbn = () => `979${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
const newMember = async (b: string) =>
  (await call(b, 'POST', '/members', { json: { email: `m${isbn()}@example.org`, name: 'N' } })).json.id as string;
const entries = (n: number, notes = ['ok']) => Array.from({ length: n }, (_, i) => ({ bookId: `bk_${i}`, notes }));

const SCENARIOS: Record<string, (base: string) => Promise<string[]>> = {
  'live-member-patch-type': async (b) =>
    judged(b, 'PATCH /members/{memberId}', `/members/${await newMember(b)}`, { json: { name: 'M' } }),
  'live-member-delete-status': async (b) => judged(b, 'DELETE /members/{memberId}', `/members/${await newMember(b)}`),
  'live-member-auth': async (b) => [
    ...(await when(call(b, 'GET', '/members/mem_unknown', { key: null }), 404, 'unknown id not refused')),
    ...(await when(call(b, 'GET', `/members/${await newMember(b)}`, { key: null }), 200, 'served without a key')),
  ],
  'search-no-retry-after': async (b) => {
    const out: string[] = [];
    for (let i = 0; i < 22; i++) out.push(...(await judged(b, 'GET /search', '/search?q=a')));
    return out;
  },
  'suggest-429-body': async (b) => {
    const out: string[] = [];
    for (let i = 0; i < 7; i++)
      out.push(...(await judged(b, 'POST /suggestions', '/suggestions', { json: { title: 't' } })));
    return out;
  },
  'loan-branch-days': (b) =>
    when(call(b, 'POST', '/loans', { json: { kind: 'print', bookId: 'bk_1002', days: -3 } }), 201, 'days accepted'),
  'reading-list-nested': (b) =>
    when(call(b, 'POST', '/reading-lists', { json: { name: 'n', entries: entries(1, ['x'.repeat(281)]) } }), 201, 'ok'),
  'reading-list-long': (b) =>
    judged(b, 'POST /reading-lists', '/reading-lists', { json: { name: 'n', entries: entries(11) } }),
  'genre-poetry-case': (b) =>
    judged(b, 'POST /books', '/books', { form: { title: 'Odes', isbn: isbn(), genre: 'poetry' } }),
  'sort-year-desc': (b) => judged(b, 'GET /books', '/books?sort=-year'),
  'cover-example-caption': (b) => {
    const multipart = new FormData();
    multipart.append('file', new Blob(['png']), 'c.png');
    multipart.append('caption', 'First edition cover');
    return judged(b, 'POST /books/{bookId}/cover', '/books/bk_1001/cover', { multipart });
  },
  'member-fresh-email': async (b) => [
    ...(await judged(b, 'POST /members', '/members', { json: { email: 'ada@example.org', name: 'A' } })),
    ...(await judged(b, 'POST /members', '/members', { json: { email: `f${isbn()}@example.org`, name: 'F' } })),
  ],
  'book-fresh-isbn': (b) =>
    judged(b, 'POST /books', '/books', { form: { title: 'T', isbn: isbn(), genre: 'history' } }),
  'title-control-char': (b) =>
    judged(b, 'POST /books', '/books', { form: { title: 'T\u0001', isbn: '9780441172719', genre: 'history' } }),
  'offset-past-int64': (b) => judged(b, 'GET /members', '/members?offset=9223372036854775808'),
  'member-use-after-delete': async (b) => {
    const id = await newMember(b);
    await call(b, 'DELETE', `/members/${id}`);
    return when(call(b, 'GET', `/members/${id}`), 200, 'deleted member served');
  },
  'reading-list-idempotency': async (b) => {
    const o = { json: { name: 'n', entries: [] }, headers: { 'idempotency-key': 'k1' } };
    const [x, y] = [await call(b, 'POST', '/reading-lists', o), await call(b, 'POST', '/reading-lists', o)];
    return x.json.id === y.json.id ? [] : ['second list created'];
  },
  'total-count-offset': (b) => judged(b, 'GET /books', '/books?offset=1&limit=1'),
  'not-modified-etag': async (b) => {
    const etag = (await call(b, 'GET', '/books/bk_1001')).headers.get('etag')!;
    return judged(b, 'GET /books/{bookId}', '/books/bk_1001', { headers: { 'if-none-match': etag } });
  },
  'if-match-optional': (b) => when(call(b, 'DELETE', '/books/bk_1003'), 204, 'deleted without If-Match'),
  'ebook-kind-400': (b) =>
    judged(b, 'POST /loans', '/loans', { json: { kind: 'ebook', bookId: 'bk_1001', format: 'epub' } }),
};

describe('library drifts', () => {
  it('every declared drift has a scenario; names are kebab-case and unique', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(LIBRARY_DRIFTS.map((d) => d.name).sort());
    expect(new Set(LIBRARY_DRIFTS.map((d) => d.name)).size).toBe(LIBRARY_DRIFTS.length);
    for (const d of LIBRARY_DRIFTS) expect(d.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('refuses an unknown drift name', () => {
    expect(() => createLibraryServer({ drifts: ['nope'] })).toThrow(/Unknown library drift "nope"/);
  });

  for (const d of LIBRARY_DRIFTS) {
    it(`${d.name}: ${d.operation} deviates only with the drift on`, async () => {
      const scenario = SCENARIOS[d.name]!;
      expect(await scenario(await start([])), 'clean').toEqual([]);
      expect((await scenario(await start([d.name]))).length, 'drifted').toBeGreaterThan(0);
    });
  }
});
