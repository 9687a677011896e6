import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import check from './undocumented-response-content.ts';
import maxResponseTime from './max-response-time.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';

const get = contextOf(THINGS, 'GET /things/{id}', { severity: 'warn' });
const thing = { id: 'a1', created: 1 };
const causes = (s: Parameters<typeof exchangeOf>[0], ctx = get) =>
  check.run(exchangeOf(s), ctx).map((f) => [f.cause, f.severity, ...(f.details ? [f.details] : [])]);

describe('undocumented_response_content', () => {
  it.each([
    [
      'a property the schema allows but never declares',
      { body: { ...thing, colour: 'red' } },
      [['200 application/json body: undeclared properties', 'warn', ['/colour']]],
    ],
    [
      'nested, in array items, with stable causes',
      { body: { ...thing, tags: [{ name: 'a', weight: 1 }, { weight: 2 }] } },
      [['200 application/json body: undeclared properties', 'warn', ['/tags/*/weight']]],
    ],
    [
      'a custom header',
      { body: thing, headers: { 'content-type': 'application/json', 'x-shard': '7' } },
      [['200 headers: undocumented', 'warn', ['x-shard']]],
    ],
    [
      'a body where no content is documented',
      { status: 404, body: '{"error":"nope"}', headers: { 'content-type': 'application/json' } },
      [['body undocumented', 'warn']],
    ],
  ])('reports %s', (_, s, want) => {
    expect(causes(s)).toEqual(want);
  });

  it('reports random property names as one cause, naming them as details', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{2,8}$/), { minLength: 1, maxLength: 10 }), (names) => {
        const body = { ...thing, ...Object.fromEntries(names.map((n) => [n, 1])) };
        const found = check.run(exchangeOf({ body }), get);
        expect(found.map((f) => f.cause)).toEqual(['200 application/json body: undeclared properties']);
        expect(found[0]!.details).toEqual(names.map((n) => `/${n}`));
      }),
    );
  });

  it('reports a status documented only by default', () => {
    const post = contextOf(THINGS, 'POST /things', { severity: 'warn' });
    expect(causes({ method: 'POST', path: '/things', status: 400, body: { message: 'x' } }, post)).toEqual([
      ['status 400 only under default', 'warn'],
    ]);
  });

  it.each([
    ['a body with only declared properties', { body: { ...thing, note: null, tags: [{ name: 'a' }] } }],
    [
      'standard and infrastructure headers',
      {
        body: thing,
        headers: {
          'content-type': 'application/json',
          etag: '"1"',
          'x-ratelimit-remaining': '9',
          'cf-ray': 'x',
          'x-request-id': 'r',
        },
      },
    ],
    ['an empty 404', { status: 404 }],
    ['an undocumented status (status_code_conformance reports it)', { status: 418, body: 'x' }],
  ])('does not report %s', (_, s) => {
    expect(causes(s)).toEqual([]);
  });

  it('never reports properties where additionalProperties is false (the schema check does)', () => {
    expect(
      causes({ path: '/closed', body: { a: 'x', b: 1 } }, contextOf(THINGS, 'GET /closed', { severity: 'warn' })),
    ).toEqual([]);
  });
});

describe('max_response_time', () => {
  it('warns about a slow response, and judges streams by their first byte', () => {
    expect(maxResponseTime.run(exchangeOf({ durationMs: 2500 }), get)).toMatchObject([
      {
        cause: 'slower than 1000 ms',
        severity: 'warn',
        message: 'Received: response after 2500 ms\nDocumented: at most 1000 ms (--max-response-time)',
      },
    ]);
    expect(maxResponseTime.run(exchangeOf({ durationMs: 900 }), get)).toEqual([]);
    expect(
      maxResponseTime.run(
        exchangeOf({ durationMs: 60_000, headers: { 'content-type': 'text/event-stream' }, body: 'data: x\n\n' }),
        get,
      ),
    ).toEqual([]);
    expect(maxResponseTime.applies!(exchangeOf({}), { ...get, maxResponseTimeMs: 0 })).toBe('no time limit configured');
  });
});
