/**
 * Laws of the live value pool: values come only from 2xx answers and never from credentials, a delete takes its
 * resource and what lived under it out, a path parameter takes ids of its own collection, and a case given live
 * values stays valid (or keeps its one violation) and says where each value came from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import type { Case, Exchange } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { generateCases } from './generate.ts';
import { candidates, withLive } from './live.ts';
import { harvest, harvestAll, type LivePool } from './live-pool.ts';

const spec = specFromText(
  readFileSync(path.resolve(import.meta.dirname, '../../openapi.json'), 'utf8'),
  'openapi.json',
);
const validator = createValidator(spec);

const exchange = (method: string, p: string, status: number, body: unknown, headers = {}): Exchange => ({
  case: { id: 'x', operation: '', kind: 'positive', method, path: p, query: '', headers: {}, cookies: {}, seed: 1 },
  request: { method, url: p, headers: {} },
  response: {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    truncated: false,
    timeToFirstByteMs: 1,
  },
  durationMs: 1,
});

describe('harvest', () => {
  it('takes ids and fields of 2xx answers, list items and Location, and nothing from refusals', () => {
    let pool: LivePool = harvest([], exchange('POST', '/v1/things', 201, { id: 't1', name: 'a' }), '/v1/things');
    pool = harvest(pool, exchange('GET', '/v1/things', 200, { data: [{ id: 't2' }] }), '/v1/things');
    pool = harvest(pool, exchange('POST', '/v1/other', 201, {}, { location: '/v1/other/o9' }), '/v1/other');
    pool = harvest(pool, exchange('POST', '/v1/things', 404, { id: 'nope' }), '/v1/things');
    expect(pool.map((v) => `${v.collection} ${v.name}=${v.value}`)).toEqual([
      '/v1/things id=t1',
      '/v1/things name=a',
      '/v1/things id=t2',
      '/v1/other id=o9',
    ]);
    expect(pool[0]!.source).toBe('POST /v1/things → 201 body.id');
  });

  it('stays bounded when a mock invents property names: at most 64 names per collection, 8 values per name', () => {
    const answers = Array.from({ length: 500 }, (_, i) => {
      const body = { id: `t${i}`, [`name${i}`]: 'x', [`Duisc${i % 300}`]: i };
      return [exchange('GET', '/v1/things', 200, body), '/v1/things'] as const;
    });
    const pool = harvestAll([], answers);
    expect(new Set(pool.map((v) => v.name)).size).toBe(64);
    expect(pool.filter((v) => v.name === 'id').map((v) => v.value)).toEqual([
      't492',
      't493',
      't494',
      't495',
      't496',
      't497',
      't498',
      't499',
    ]);
    expect(harvestAll([], answers.slice(0, 3))).toEqual(
      answers.slice(0, 3).reduce((p, [e, t]) => harvest(p, e, t), [] as LivePool),
    );
  });

  it('never takes a credential the API minted', () => {
    const body = { id: 'k1', key: 'sk-aig-0123', secret: 's', access_token: 't' };
    expect(harvest([], exchange('POST', '/v1/keys', 201, body), '/v1/keys').map((v) => v.name)).toEqual(['id']);
  });

  it('a 2xx delete takes its resource out, with what lived under it', () => {
    let pool = harvest([], exchange('POST', '/v1/subs', 201, { id: 's1' }), '/v1/subs');
    pool = harvest(pool, exchange('POST', '/v1/subs/s1/keys', 201, { id: 'k1' }), '/v1/subs/{id}/keys');
    pool = harvest(pool, exchange('POST', '/v1/subs', 201, { id: 's2' }), '/v1/subs');
    expect(pool.find((v) => v.value === 'k1')!.scope).toEqual({ id: 's1' });
    pool = harvest(pool, exchange('DELETE', '/v1/subs/s1', 200, {}), '/v1/subs/{id}');
    expect(pool.map((v) => v.value)).toEqual(['s2']);
  });
});

describe('candidates and live cases', () => {
  const pool: LivePool = [
    { name: 'id', value: 'job_1', collection: '/v1/jobs', scope: {}, source: 'POST /v1/jobs → 202 body.id' },
    {
      name: 'id',
      value: 'req_1',
      collection: '/v1/requests',
      scope: {},
      source: 'GET /v1/requests → 200 body.data.0.id',
    },
  ];

  it('a path parameter takes ids of its own collection; other fields take ids of the resource they name', () => {
    expect(candidates(pool, 'id', '/v1/jobs').map((v) => v.value)).toEqual(['job_1']);
    expect(candidates(pool, 'request_id').map((v) => v.value)).toEqual(['req_1']);
    expect(candidates(pool, 'requestId').map((v) => v.value)).toEqual(['req_1']);
    expect(candidates(pool, 'unrelated')).toEqual([]);
  });

  it('a valid case with live values is still valid, sends them and records their source', () => {
    const op = spec.operations.find((o) => o.key === 'GET /v1/jobs/{id}')!;
    for (const c of generateCases(spec, op, { kind: 'positive', count: 5, seed: 3, validator })) {
      const live = withLive(c, pool, { all: true });
      expect(live.path).toBe('/v1/jobs/job_1');
      expect(live.live).toEqual({ 'path.id': 'POST /v1/jobs → 202 body.id' });
      expect(live.id).toBe(c.id);
    }
  });

  it('a negative case keeps its one violation; a case with nothing to take stays as it was', () => {
    const op = spec.operations.find((o) => o.key === 'POST /v1/chat/completions')!;
    const negatives = generateCases(spec, op, { kind: 'negative', count: 5, seed: 3, validator });
    for (const c of negatives) expect(withLive(c, pool, { all: true })).toBe(c as Case);
  });
});

describe('live values in negative cases', () => {
  const loans = specFromText(
    `openapi: 3.0.3
info: {title: loans, version: '1'}
paths:
  /loans:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [bookId, days]
              properties:
                bookId: {type: string, pattern: '^bk_[0-9a-z]+$'}
                days: {type: integer, minimum: 1, maximum: 28}
      responses: {'201': {description: lent}, '422': {description: invalid}}
`,
    'loans.yaml',
  );
  const v = createValidator(loans);
  const op = loans.operations[0]!;
  const book = (value: string): LivePool => [
    { name: 'id', value, collection: '/books', scope: {}, source: 'POST /books → 201 body.id' },
  ];
  const negatives = generateCases(loans, op, { kind: 'negative', count: 20, seed: 3, validator: v });
  const at = (field: string) => negatives.filter((c) => c.violation!.location === `body.${field}`);

  it('a violation in one field leaves the others free to take live ids, and stays the one violation', () => {
    expect(at('days').length).toBeGreaterThan(0);
    for (const c of at('days')) {
      const live = withLive(c, book('bk_9'), { all: true });
      expect((live.body as { bookId: string }).bookId).toBe('bk_9');
      expect(live.violation).toEqual(c.violation);
      expect(live.live).toEqual({ 'body.bookId': 'POST /books → 201 body.id' });
      const schema = (op.object.requestBody as { content: Record<string, { schema: never }> }).content[
        'application/json'
      ]!.schema;
      expect(v.validateSchema(schema, live.body, 'request').map((e) => e.keyword)).toContain(c.violation!.keyword);
    }
  });

  it('never changes the violated field, nor takes a value that would make the rest of the body invalid', () => {
    for (const c of at('bookId')) expect(withLive(c, book('bk_9'), { all: true })).toBe(c as Case);
    for (const c of at('days')) expect(withLive(c, book('not a book id'), { all: true })).toBe(c as Case);
  });
});

describe('ETags in the pool', () => {
  it('keeps the ETag of a 2xx answer with its resource, for If-Match and If-None-Match to name', () => {
    const got = exchange('GET', '/books/bk_1', 200, { id: 'bk_1' }, { etag: '"v3-bk_1"' });
    const pool = harvest([], got, '/books/{bookId}');
    const [tag] = candidates(pool, 'If-None-Match');
    expect(tag).toMatchObject({
      value: '"v3-bk_1"',
      scope: { bookId: 'bk_1' },
      source: 'GET /books/{bookId} → 200 ETag',
    });
    expect(candidates(pool, 'If-Match')).toEqual([tag]);
    expect(
      candidates(harvest([], exchange('GET', '/books/bk_1', 404, {}, { etag: '"x"' }), '/books/{bookId}'), 'If-Match'),
    ).toEqual([]);
  });
});
