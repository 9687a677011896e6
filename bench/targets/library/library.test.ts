/**
 * Law: the clean library target is honest. Every operation of its contract answers a documented valid request
 * with a 2xx that conforms (status, headers, body), so every error a harness reports against it in clean mode is
 * the harness's false positive. Error paths the benchmark relies on (304, 409, 412, 415, 428, 429, 503) conform too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryServer, type LibraryServer } from './server.ts';
import { type Answer, call, OPERATIONS, problems } from './test-kit.ts';

let server: LibraryServer;
let base = '';
beforeAll(async () => {
  server = createLibraryServer();
  base = (await server.listen(0)).url;
});
afterAll(() => server.close());

/** Calls, asserts the answer conforms, returns it. */
async function ok(key: string, path: string, o: Parameters<typeof call>[3] = {}): Promise<Answer> {
  const answer = await call(base, key.split(' ')[0]!, path, o);
  expect(problems(key, answer), `${key} → ${answer.status} ${answer.text.slice(0, 200)}`).toEqual([]);
  return answer;
}

const fresh = () => Math.random().toString(36).slice(2, 8);
const isbn = () => `979${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;

/** A documented valid request per operation; each returns the 2xx status it got. */
const SCENARIOS: Record<string, () => Promise<number>> = {
  'GET /health': async () => (await ok('GET /health', '/health', { key: null })).status,
  'GET /books': async () => (await ok('GET /books', '/books?limit=2&offset=1&genre=fiction&sort=-year&q=d')).status,
  'POST /books': async () => {
    const form = { title: 'Kindred', isbn: isbn(), genre: 'poetry', year: '1979', pages: '264', ebook: 'true' };
    return (await ok('POST /books', '/books', { form, key: 'cookie' })).status;
  },
  'GET /books/{bookId}': async () => (await ok('GET /books/{bookId}', '/books/bk_1001')).status,
  'PATCH /books/{bookId}': async () => {
    const etag = (await ok('GET /books/{bookId}', '/books/bk_1002')).headers.get('etag')!;
    return (
      await ok('PATCH /books/{bookId}', '/books/bk_1002', { json: { pages: 420 }, headers: { 'if-match': etag } })
    ).status;
  },
  'DELETE /books/{bookId}': async () => {
    const form = { title: 'Gone', isbn: isbn(), genre: 'history' };
    const id = (await ok('POST /books', '/books', { form })).json.id;
    return (await ok('DELETE /books/{bookId}', `/books/${id}`, { headers: { 'if-match': '*' } })).status;
  },
  'POST /books/{bookId}/cover': async () => {
    const multipart = new FormData();
    multipart.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'cover.png');
    multipart.append('caption', 'First edition cover');
    return (await ok('POST /books/{bookId}/cover', '/books/bk_1001/cover', { multipart })).status;
  },
  'GET /members': async () => (await ok('GET /members', '/members?limit=1&offset=0')).status,
  'POST /members': async () => (await member()).status,
  'GET /members/{memberId}': async () =>
    (await ok('GET /members/{memberId}', `/members/${(await member()).json.id}`)).status,
  'PATCH /members/{memberId}': async () =>
    (await ok('PATCH /members/{memberId}', `/members/${(await member()).json.id}`, { json: { tier: 'staff' } })).status,
  'DELETE /members/{memberId}': async () =>
    (await ok('DELETE /members/{memberId}', `/members/${(await member()).json.id}`)).status,
  'POST /loans': async () => {
    await ok('POST /loans', '/loans', { json: { kind: 'ebook', bookId: 'bk_1002', format: 'epub' } });
    return (await loan()).status;
  },
  'GET /loans/{loanId}': async () => (await ok('GET /loans/{loanId}', `/loans/${(await loan()).json.id}`)).status,
  'POST /loans/{loanId}/return': async () =>
    (await ok('POST /loans/{loanId}/return', `/loans/${(await loan()).json.id}/return`)).status,
  'POST /reading-lists': async () => (await list()).status,
  'GET /reading-lists/{listId}': async () =>
    (await ok('GET /reading-lists/{listId}', `/reading-lists/${(await list()).json.id}`)).status,
  'GET /search': async () => (await ok('GET /search', '/search?q=dune&type=book')).status,
  'POST /suggestions': async () =>
    (await ok('POST /suggestions', '/suggestions', { json: { title: 'The Dispossessed', author: 'Le Guin' } })).status,
  'GET /admin/maintenance': async () => (await ok('GET /admin/maintenance', '/admin/maintenance')).status,
  'PUT /admin/maintenance': async () =>
    (await ok('PUT /admin/maintenance', '/admin/maintenance', { json: { enabled: false } })).status,
};

const member = () =>
  ok('POST /members', '/members', { json: { email: `m${fresh()}@example.org`, name: 'Octavia', tier: 'plus' } });
const loan = () => ok('POST /loans', '/loans', { json: { kind: 'print', bookId: 'bk_1002', days: 14 } });
const list = () => {
  // 12 entries: longer than 10, well within maxItems 50.
  const entries = Array.from({ length: 12 }, (_, i) => ({ bookId: `bk_${i}`, notes: ['re-read'] }));
  return ok('POST /reading-lists', '/reading-lists', { json: { name: 'Summer', entries } });
};

describe('library target, clean', () => {
  it('has a scenario for every operation of its contract', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...OPERATIONS].sort());
  });

  for (const op of Object.keys(SCENARIOS)) {
    it(`${op} answers a documented valid request with a conforming 2xx`, async () => {
      const status = await SCENARIOS[op]!();
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(300);
    });
  }

  it('answers ETag conditions, duplicates and bad media types as documented', async () => {
    const etag = (await ok('GET /books/{bookId}', '/books/bk_1003')).headers.get('etag')!;
    expect((await ok('GET /books/{bookId}', '/books/bk_1003', { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );
    const stale = { json: { pages: 1 }, headers: { 'if-match': '"v0-bk_1003"' } };
    expect((await ok('PATCH /books/{bookId}', '/books/bk_1003', stale)).status).toBe(412);
    expect((await ok('DELETE /books/{bookId}', '/books/bk_1003')).status).toBe(428);
    const ada = { json: { email: 'ada@example.org', name: 'Ada' } };
    expect((await ok('POST /members', '/members', ada)).status).toBe(409);
    expect((await ok('POST /books', '/books', { json: { title: 'x' } })).status).toBe(415);
    expect(
      (await ok('POST /loans', '/loans', { json: { kind: 'ebook', bookId: 'bk_1001', format: 'pdf' } })).status,
    ).toBe(422);
    expect((await ok('GET /members/{memberId}', '/members/mem_1', { key: null })).status).toBe(401);
  });

  it('rate-limits search with 429 + Retry-After, and maintenance makes writes 503 until switched off', async () => {
    const answers = [];
    for (let i = 0; i < 22; i++) answers.push(await ok('GET /search', '/search?q=x', { key: 'cookie' }));
    expect(answers.map((a) => a.status)).toContain(429);
    await ok('PUT /admin/maintenance', '/admin/maintenance', { json: { enabled: true } });
    expect((await ok('POST /members', '/members', { json: { email: 'x@example.org', name: 'X' } })).status).toBe(503);
    await ok('PUT /admin/maintenance', '/admin/maintenance', { json: { enabled: false } });
    expect((await ok('GET /members', '/members')).status).toBe(200);
  });
});
