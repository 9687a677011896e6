import { describe, expect, it } from 'vitest';
import check from './content-type-conformance.ts';
import { matchMediaType } from './media-type.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';

describe('matchMediaType', () => {
  it.each([
    ['application/json; charset=utf-8', ['application/json'], 'application/json'],
    ['Application/JSON', ['application/json'], 'application/json'],
    ['application/json', ['application/json; charset=utf-8'], 'application/json; charset=utf-8'],
    ['text/plain', ['*/*'], '*/*'],
    ['application/xml', ['application/*', '*/*'], 'application/*'],
    ['application/json', ['*/*', 'application/json'], 'application/json'],
    ['application/problem+json', ['application/*+json'], 'application/*+json'],
    ['application/problem+json', ['application/json'], undefined],
    ['application/json', ['application/problem+json'], undefined],
    ['text/html', ['application/*'], undefined],
    ['not a type', ['*/*'], undefined],
  ])('%s against %j → %s', (actual, keys, want) => {
    expect(matchMediaType(actual, keys)).toBe(want);
  });
});

describe('content_type_conformance', () => {
  it('reports a media type the status does not document', () => {
    const ctx = contextOf(THINGS, 'GET /things/{id}');
    const [f, ...rest] = check.run(
      exchangeOf({ body: '<p>hi</p>', headers: { 'content-type': 'text/html; charset=utf-8' } }),
      ctx,
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      cause: 'content-type text/html',
      severity: 'error',
      message: 'Received: text/html; charset=utf-8\nDocumented: application/json for 200',
    });
  });

  it('reports a missing Content-Type on a body', () => {
    const ctx = contextOf(THINGS, 'GET /things/{id}');
    expect(check.run(exchangeOf({ body: '{}', headers: {} }), ctx)).toMatchObject([{ cause: 'content-type missing' }]);
  });

  it('reports +json where only the plain type is documented', () => {
    const ctx = contextOf(THINGS, 'GET /things/{id}');
    expect(
      check.run(exchangeOf({ body: {}, headers: { 'content-type': 'application/problem+json' } }), ctx),
    ).toMatchObject([{ cause: 'content-type application/problem+json' }]);
  });

  it('warns (not fails) on an SSE reply to stream: true when the spec documents JSON only', () => {
    const ctx = contextOf(THINGS, 'POST /plain-chat');
    const ex = exchangeOf({
      method: 'POST',
      path: '/plain-chat',
      requestBody: { stream: true },
      body: 'data: {}\n\n',
      headers: { 'content-type': 'text/event-stream' },
    });
    expect(check.run(ex, ctx)).toMatchObject([{ severity: 'warn', cause: 'content-type text/event-stream' }]);
  });

  it.each([
    [
      'charset parameter',
      'GET /things/{id}',
      { body: {}, headers: { 'content-type': 'application/json;charset=UTF-8' } },
    ],
    ['upper case', 'GET /things/{id}', { body: {}, headers: { 'content-type': 'APPLICATION/JSON' } }],
    [
      'a range response',
      'GET /things',
      { status: 400, body: {}, headers: { 'content-type': 'application/problem+json' } },
    ],
    ['a */* media type', 'GET /closed', { body: 'anything', headers: { 'content-type': 'text/plain' } }],
    ['204 without body', 'POST /things', { status: 204 }],
    ['an empty 404 with no content documented', 'GET /things/{id}', { status: 404 }],
    [
      'a 404 body where no content is documented',
      'GET /things/{id}',
      { status: 404, body: 'nope', headers: { 'content-type': 'text/plain' } },
    ],
    [
      'an undocumented status',
      'GET /things/{id}',
      { status: 418, body: 'teapot', headers: { 'content-type': 'text/plain' } },
    ],
    ['a HEAD request', 'GET /things/{id}', { method: 'HEAD', headers: { 'content-type': 'text/html' }, body: '' }],
  ])('passes %s', (_, key, spec) => {
    expect(check.run(exchangeOf(spec), contextOf(THINGS, key))).toEqual([]);
  });
});
