import { describe, expect, it } from 'vitest';
import type { Exchange } from '../types.ts';
import { CHECKS, runChecks } from './index.ts';
import positive from './positive-data-acceptance.ts';
import { JUDGE_THE_REQUEST } from './verdict-policy.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';

const TRANSFERS = `
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /transfers:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {account_id: {type: string}, amount: {type: integer}}}
      responses:
        '201': {description: created}
        '400': {description: unknown account}
  /notes:
    post:
      requestBody:
        content: {application/json: {schema: {type: object, properties: {text: {type: string}}}}}
      responses:
        '201': {description: created}
        '400': {description: bad note}
`;

const live = (ex: Exchange, values: Record<string, string>): Exchange => ({
  ...ex,
  case: { ...ex.case, live: values },
});
const transfer = (status: number) =>
  exchangeOf({ method: 'POST', path: '/transfers', requestBody: { account_id: 'x7', amount: 3 }, status });

describe('verdicts only where the answer speaks to them', () => {
  it('a 429, or a 503 with Retry-After, is inconclusive: no verdict on the request, whatever the case', () => {
    const ctx = contextOf(THINGS, 'POST /things');
    const violation = { location: 'body.name', keyword: 'minLength', message: 'too short' };
    for (const ex of [
      exchangeOf({
        method: 'POST',
        path: '/things',
        kind: 'negative',
        requestBody: { name: '' },
        violation,
        status: 429,
      }),
      exchangeOf({
        method: 'POST',
        path: '/things',
        requestBody: { name: 'a' },
        status: 503,
        headers: { 'retry-after': '1' },
      }),
    ]) {
      const out = runChecks(ex, CHECKS, ctx);
      expect(out.findings.filter((f) => JUDGE_THE_REQUEST.has(f.checkId))).toEqual([]);
      expect(out.checked.filter((id) => JUDGE_THE_REQUEST.has(id))).toEqual([]);
      expect(out.inconclusive).toMatch(/^inconclusive: (429|503)/);
    }
    // A 503 that does not ask to come back later is a server error like any other.
    const plain = runChecks(exchangeOf({ method: 'POST', path: '/things', status: 503 }), CHECKS, ctx);
    expect(plain.inconclusive).toBeUndefined();
    expect(plain.findings.map((f) => f.checkId)).toContain('not_a_server_error');
  });

  it("a 429's own headers and body are still judged against the spec", () => {
    const ctx = contextOf(THINGS, 'GET /things');
    const ex = exchangeOf({
      path: '/things',
      status: 429,
      body: '<html>busy</html>',
      headers: { 'content-type': 'text/html' },
    });
    const out = runChecks(ex, CHECKS, ctx);
    expect(out.inconclusive).toMatch(/^inconclusive: 429/);
    expect(out.findings.map((f) => f.checkId)).toEqual(['content_type_conformance']);
  });

  it('a documented refusal of a generated id is not "valid input rejected"; of a live id it is', () => {
    const ctx = contextOf(TRANSFERS, 'POST /transfers');
    expect(positive.run(transfer(400), ctx)).toEqual([]);
    expect(positive.applies!(transfer(400), ctx)).toMatch(/^documented 400 refusal of generated account_id/);
    expect(positive.run(live(transfer(400), { account_id: 'x7' }), ctx)).toMatchObject([{ cause: 'status 400' }]);
    // Undocumented, the refusal is judged: the spec never said an unknown account is refused so.
    expect(positive.run(transfer(422), ctx)).toMatchObject([{ cause: 'status 422' }]);
  });

  it('a refusal where nothing was made up is judged', () => {
    const ctx = contextOf(TRANSFERS, 'POST /notes');
    const ex = exchangeOf({ method: 'POST', path: '/notes', requestBody: { text: 'hi' }, status: 400 });
    expect(positive.run(ex, ctx)).toMatchObject([{ cause: 'status 400' }]);
  });

  it('a 404 for a live path id is judged, for a generated one it is not', () => {
    const ctx = contextOf(THINGS, 'GET /things/{id}');
    const ex = exchangeOf({ status: 404, requestHeaders: { authorization: 'Bearer t' } });
    expect(positive.run(ex, ctx)).toEqual([]);
    expect(positive.run(live(ex, { id: '1' }), ctx)).toMatchObject([{ cause: 'status 404' }]);
  });
});
