import { describe, expect, it } from 'vitest';
import ignoredAuth from './ignored-auth.ts';
import missingHeader from './missing-required-header.ts';
import unsupported from './unsupported-method.ts';
import allow from './allow-header-conformance.ts';
import { probeOf } from './probe.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';
import type { Case, Exchange } from '../types.ts';

const valid = (over: Partial<Case> = {}): Case => ({
  ...exchangeOf({ method: 'POST', path: '/things' }).case,
  headers: { Authorization: 'Bearer t', 'Idempotency-Key': 'k1', 'content-type': 'application/json' },
  body: { name: 'x' },
  bodyText: '{"name":"x"}',
  mediaType: 'application/json',
  ...over,
});
const answered = (c: Case, status: number, headers: Record<string, string> = {}): Exchange => ({
  ...exchangeOf({ method: c.method, path: c.path, status, headers }),
  case: c,
});

describe('ignored_auth', () => {
  const ctx = contextOf(THINGS, 'POST /things');
  it('probes without any credential of the schemes, marked as its probe', () => {
    const c = contextOf(THINGS, 'GET /closed');
    const probe = ignoredAuth.probe!(
      valid({ query: 'api_key=s3cret&x=1', headers: { 'X-API-Key': 's3cret', Accept: '*/*' } }),
      c,
    )!;
    expect(probe.headers).toEqual({ Accept: '*/*' });
    expect(probe.query).toBe('x=1');
    expect(probe.id).toMatch(/\/probe\/ignored_auth$/);
    expect(ignoredAuth.omitsCredentials).toBe(true);
  });

  it('reports a 2xx without credentials', () => {
    const probe = ignoredAuth.probe!(valid(), ctx)!;
    expect(ignoredAuth.run(answered(probe, 201), ctx)).toMatchObject([
      {
        cause: 'accepted without credentials',
        message: 'Received: 201 for a request without credentials\nDocumented: requires bearer; expected 401 or 403',
      },
    ]);
  });

  it.each([401, 403, 400, 404])('accepts %i', (status) => {
    expect(ignoredAuth.run(answered(ignoredAuth.probe!(valid(), ctx)!, status), ctx)).toEqual([]);
  });

  it('does not probe operations without security, and ignores generated cases', () => {
    expect(ignoredAuth.probe!(valid(), contextOf(THINGS, 'GET /things'))).toBeUndefined();
    expect(ignoredAuth.run(answered(valid(), 200), ctx)).toEqual([]);
  });
});

describe('missing_required_header', () => {
  const ctx = contextOf(THINGS, 'POST /things');
  it('drops a required header (never Accept/Content-Type/Authorization) and expects a 4xx', () => {
    const probe = missingHeader.probe!(valid(), ctx)!;
    expect(Object.keys(probe.headers)).toEqual(['Authorization', 'content-type']);
    expect(probe.violation).toEqual({
      location: 'header.Idempotency-Key',
      keyword: 'required',
      message: 'required header Idempotency-Key omitted',
    });
    expect(missingHeader.run(answered(probe, 201), ctx)).toMatchObject([
      { cause: 'accepted without header idempotency-key', severity: 'error' },
    ]);
    expect(missingHeader.run(answered(probe, 500), ctx)).toMatchObject([
      { cause: 'server error without header idempotency-key', severity: 'warn' },
    ]);
    expect(missingHeader.run(answered(probe, 400), ctx)).toEqual([]);
  });

  it('makes no probe when no header is required', () => {
    expect(missingHeader.probe!(valid(), contextOf(THINGS, 'GET /things'))).toBeUndefined();
  });
});

describe('unsupported_method and allow_header_conformance', () => {
  const ctx = contextOf(THINGS, 'GET /things/{id}');
  const probe = unsupported.probe!(valid({ method: 'GET', path: '/things/1' }), ctx)!;

  it('probes once per path with the first undocumented method, without a body', () => {
    expect(probe).toMatchObject({ method: 'PATCH', body: undefined, bodyText: undefined });
    expect(probe.headers['content-type']).toBeUndefined();
    expect(
      unsupported.probe!(valid({ method: 'DELETE', path: '/things/1' }), contextOf(THINGS, 'DELETE /things/{id}')),
    ).toBeUndefined();
  });

  it.each([
    [200, 'undocumented PATCH accepted', 'error'],
    [500, 'status 500 instead of 405', 'error'],
    [404, 'status 404 instead of 405', 'warn'],
    [501, 'status 501 instead of 405', 'warn'],
  ] as const)('reports %i', (status, cause, severity) => {
    expect(unsupported.run(answered(probe, status), ctx)).toMatchObject([{ cause, severity }]);
  });

  it.each([405, 401, 403])('accepts %i', (status) => {
    expect(unsupported.run(answered(probe, status), ctx)).toEqual([]);
  });

  it('checks Allow on a 405 against the documented methods, tolerating HEAD and OPTIONS', () => {
    expect(allow.judgesProbesOf).toContain('unsupported_method');
    expect(allow.run(answered(probe, 405), ctx)).toMatchObject([{ cause: 'allow missing' }]);
    expect(allow.run(answered(probe, 405, { allow: 'GET' }), ctx)).toMatchObject([
      {
        cause: 'allow DELETE missing',
        message: 'Received: Allow: GET\nDocumented: Allow: GET, DELETE (DELETE missing)',
      },
    ]);
    expect(allow.run(answered(probe, 405, { allow: 'GET, DELETE, PUT' }), ctx)).toMatchObject([
      { cause: 'allow PUT undocumented' },
    ]);
    expect(allow.run(answered(probe, 405, { allow: 'get, head, delete, options' }), ctx)).toEqual([]);
    expect(allow.run(answered(probe, 404), ctx)).toEqual([]);
  });

  it('marks probes so routing can tell them apart', () => {
    expect(probeOf(answered(probe, 405))).toBe('unsupported_method');
    expect(probeOf(answered(valid(), 200))).toBeUndefined();
  });
});
