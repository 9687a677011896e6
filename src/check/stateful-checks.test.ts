import { describe, expect, it } from 'vitest';
import ensureResourceAvailability from './ensure-resource-availability.ts';
import idempotency from './idempotency.ts';
import { runChecks } from './index.ts';
import { contextOf, exchangeOf, type ExchangeSpec } from './test-kit.ts';
import useAfterFree from './use-after-free.ts';

const SPEC = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /things:
    post: { operationId: createThing, responses: { '201': { description: created } } }
  /things/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get: { operationId: getThing, responses: { '200': { description: ok }, '404': { description: gone } } }
    delete: { operationId: deleteThing, responses: { '200': { description: ok } } }
`;
const ctx = contextOf(SPEC, 'POST /things');
const seq = (...specs: ExchangeSpec[]) => specs.map(exchangeOf);
const create = (id: string, extra: ExchangeSpec = {}): ExchangeSpec => ({
  method: 'POST',
  path: '/things',
  status: 201,
  body: { id },
  ...extra,
});
const get = (id: string, status: number, body: unknown = { id }): ExchangeSpec => ({
  method: 'GET',
  path: `/things/${id}`,
  status,
  body,
});
const del = (id: string, status: number, body?: unknown): ExchangeSpec => ({
  method: 'DELETE',
  path: `/things/${id}`,
  status,
  ...(body !== undefined ? { body } : {}),
});

describe('use_after_free', () => {
  const table: Array<[string, ExchangeSpec[], number]> = [
    ['deleted then still readable', [create('t1'), del('t1', 200, { id: 't1', deleted: true }), get('t1', 200)], 1],
    ['204 delete then readable', [create('t1'), del('t1', 204), get('t1', 200)], 1],
    ['deleted then 404', [create('t1'), del('t1', 200, { deleted: true }), get('t1', 404, { error: {} })], 0],
    ['deleted then 410', [create('t1'), del('t1', 204), get('t1', 410, {})], 0],
    ['async delete (202) then readable', [create('t1'), del('t1', 202), get('t1', 200)], 0],
    [
      'cancel returns the resource in a new state',
      [
        create('t1'),
        del('t1', 200, { id: 't1', status: 'cancelled' }),
        get('t1', 200, { id: 't1', status: 'cancelled' }),
      ],
      0,
    ],
    ['read shows a tombstone', [create('t1'), del('t1', 204), get('t1', 200, { id: 't1', deleted: true })], 0],
    ['delete failed', [create('t1'), del('t1', 404, { error: {} }), get('t1', 200)], 0],
    ['another resource read', [create('t1'), del('t1', 204), get('t2', 200)], 0],
  ];
  it.each(table)('%s → %i finding(s)', (_n, s, count) => {
    const f = useAfterFree.runSequence!(seq(...s), ctx);
    expect(f).toHaveLength(count);
    if (count)
      expect(f[0]!.message).toMatch(
        /Received: 200 for GET \/things\/t1 after DELETE \/things\/t1[\s\S]*Expected: 404 or 410/,
      );
  });
});

describe('ensure_resource_availability', () => {
  const table: Array<[string, ExchangeSpec[], number]> = [
    ['created then 404', [create('t1'), get('t1', 404, {})], 1],
    ['created then 410', [create('t1'), get('t1', 410, {})], 1],
    ['created then 200', [create('t1'), get('t1', 200)], 0],
    ['async create (202)', [create('t1', { status: 202 }), get('t1', 404, {})], 0],
    ['deleted in between', [create('t1'), del('t1', 204), get('t1', 404, {})], 0],
    ['throttled read', [create('t1'), get('t1', 429, {})], 0],
    ['create without id', [create('t1', { body: { ok: true } }), get('t1', 404, {})], 0],
    ['id from Location', [create('x', { body: '', headers: { location: '/things/t9' } }), get('t9', 404, {})], 1],
  ];
  it.each(table)('%s → %i finding(s)', (_n, s, count) => {
    expect(ensureResourceAvailability.runSequence!(seq(...s), ctx)).toHaveLength(count);
  });
});

describe('idempotency', () => {
  const k = (key: string, body: unknown, status: number, id: string): ExchangeSpec => ({
    method: 'POST',
    path: '/things',
    requestHeaders: { 'Idempotency-Key': key },
    requestBody: body,
    status,
    body: { id },
  });
  const table: Array<[string, ExchangeSpec[], string[]]> = [
    ['replay returns the same resource', [k('a', { n: 1 }, 201, 't1'), k('a', { n: 1 }, 200, 't1')], []],
    ['key order does not matter', [k('a', { n: 1, m: 2 }, 201, 't1'), k('a', { m: 2, n: 1 }, 200, 't1')], []],
    [
      'replay creates a second resource',
      [k('a', { n: 1 }, 201, 't1'), k('a', { n: 1 }, 201, 't2')],
      ['replay created a second resource'],
    ],
    ['replay rejected', [k('a', { n: 1 }, 201, 't1'), k('a', { n: 1 }, 409, 'x')], ['replay rejected']],
    ['different body rejected', [k('a', { n: 1 }, 201, 't1'), k('a', { n: 2 }, 409, 'x')], []],
    [
      'different body accepted',
      [k('a', { n: 1 }, 201, 't1'), k('a', { n: 2 }, 201, 't2')],
      ['key reused with a different body accepted'],
    ],
    ['different keys are independent', [k('a', { n: 1 }, 201, 't1'), k('b', { n: 1 }, 201, 't2')], []],
    [
      'throttled replay gives no verdict',
      [k('a', { n: 1 }, 201, 't1'), k('a', { n: 1 }, 429, 'x'), k('a', { n: 1 }, 503, 'x')],
      [],
    ],
    ['no key, no verdict', [create('t1'), create('t2')], []],
  ];
  it.each(table)('%s', (_n, s, causes) => {
    expect(idempotency.runSequence!(seq(...s), ctx).map((f) => f.cause)).toEqual(causes);
  });
});

describe('stateful checks have nothing to say about a single exchange', () => {
  it.each([useAfterFree, ensureResourceAvailability, idempotency])('$id', (check) => {
    const e = exchangeOf(get('t1', 200));
    expect(check.kind).toBe('sequence');
    const out = runChecks(e, [check], ctx);
    expect([out.findings, out.checked, out.unchecked, out.notes]).toEqual([[], [], [], []]);
  });
});
