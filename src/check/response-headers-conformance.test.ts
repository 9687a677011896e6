import { describe, expect, it } from 'vitest';
import check, { headerReadings } from './response-headers-conformance.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';

const ctx = contextOf(THINGS, 'GET /things');
const ok = { 'content-type': 'application/json', 'x-total-count': '3' };

describe('response_headers_conformance', () => {
  it('reports a required header that is missing', () => {
    const [f, ...rest] = check.run(
      exchangeOf({ path: '/things', body: [], headers: { 'content-type': 'application/json' } }),
      ctx,
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ cause: 'header x-total-count missing', severity: 'error' });
    expect(f!.message).toMatch(
      /^Received: no X-Total-Count header\nDocumented: required header X-Total-Count for 200 at #\/paths\/~1things\/get\/responses\/200\/headers\/X-Total-Count \(openapi\.yaml:\d+:\d+\)$/,
    );
  });

  it('reports a value that matches no reading of its schema', () => {
    const [f] = check.run(exchangeOf({ path: '/things', body: [], headers: { ...ok, 'x-total-count': 'many' } }), ctx);
    expect(f).toMatchObject({ cause: 'header x-total-count value' });
    expect(f!.message.split('\n')[0]).toBe('Received: header x-total-count: "many" (string)');
  });

  it.each([
    ['an integer header', ok],
    ['header names in any case', { 'Content-Type': 'application/json', 'X-TOTAL-COUNT': '0' }],
    ['an optional header left out', ok],
    ['a valid optional header', { ...ok, 'x-next': 'https://example.com/things?page=2' }],
  ])('passes %s', (_, headers) => {
    expect(check.run(exchangeOf({ path: '/things', body: [], headers }), ctx)).toEqual([]);
  });

  it('has nothing to check when the status documents no headers', () => {
    expect(check.applies!(exchangeOf({ path: '/things', status: 400, body: {} }), ctx)).toBe(
      'no headers documented for 4XX',
    );
  });

  it('reads header text as string, number, boolean and list', () => {
    expect(headerReadings('1, 2')).toEqual(['1, 2', ['1', '2'], [1, 2]]);
    expect(headerReadings('true')).toEqual(['true', true, ['true'], [true]]);
  });
});
