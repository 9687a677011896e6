import { describe, expect, it } from 'vitest';
import check from './status-code-conformance.ts';
import notAServerError from './not-a-server-error.ts';
import { formatStatuses } from './finding.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';

describe('status_code_conformance', () => {
  it('reports an undocumented status with the documented ones', () => {
    const ctx = contextOf(THINGS, 'GET /things/{id}');
    const [f, ...rest] = check.run(exchangeOf({ status: 418 }), ctx);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      checkId: 'status_code_conformance',
      severity: 'error',
      cause: 'status 418',
      operation: 'GET /things/{id}',
      operationId: 'getThing',
      seed: 42,
    });
    expect(f!.message).toBe('Received: 418\nDocumented: 200, 404, 503');
    expect(f!.specLocation).toMatchObject({ file: 'openapi.yaml', pointer: '/paths/~1things~1{id}/get/responses' });
  });

  it.each([
    ['an exact status', 'GET /things/{id}', 404],
    ['a 4XX range', 'GET /things', 429],
    ['a default response', 'POST /things', 500],
    ['a documented 2xx', 'POST /things', 204],
  ])('accepts %s', (_, key, status) => {
    expect(check.run(exchangeOf({ status }), contextOf(THINGS, key))).toEqual([]);
  });

  it('has nothing to check without a response', () => {
    const ex = exchangeOf({ error: { code: 'ECONNRESET', message: 'socket hang up' } });
    expect(check.applies!(ex, contextOf(THINGS, 'GET /things'))).toBe('no response');
  });
});

describe('not_a_server_error', () => {
  const ctx = contextOf(THINGS, 'GET /things/{id}');
  it.each([
    [500, 'error', 'status 500'],
    [502, 'error', 'status 502'],
    [503, 'warn', 'status 503'],
  ] as const)('reports %i as %s', (status, severity, cause) => {
    expect(notAServerError.run(exchangeOf({ status }), ctx)).toMatchObject([{ severity, cause }]);
  });

  it('reports a dropped connection by its code', () => {
    const [f] = notAServerError.run(exchangeOf({ error: { code: 'ECONNRESET', message: 'socket hang up' } }), ctx);
    expect(f).toMatchObject({
      cause: 'no response (ECONNRESET)',
      message: 'Received: no response (ECONNRESET: socket hang up)\nDocumented: an HTTP response',
    });
  });

  it.each([200, 404, 499])('passes %i', (status) => {
    expect(notAServerError.run(exchangeOf({ status }), ctx)).toEqual([]);
  });
});

describe('formatStatuses', () => {
  it.each([
    [[200, 201, 202, 204], '200–202, 204'],
    [[404, 400, 401], '400, 401, 404'],
    [[], ''],
  ])('%j → %s', (list, want) => {
    expect(formatStatuses(list)).toBe(want);
  });
});
