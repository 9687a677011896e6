import { describe, expect, it } from 'vitest';
import negative from './negative-data-rejection.ts';
import positive from './positive-data-acceptance.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';

const post = { method: 'POST', path: '/things' };
const violation = { location: 'body.name', keyword: 'minLength', message: '"" is shorter than 1 character' };

describe('negative_data_rejection', () => {
  const ctx = contextOf(THINGS, 'POST /things');
  it('reports an accepted invalid request, naming what was invalid', () => {
    const [f, ...rest] = negative.run(
      exchangeOf({ ...post, kind: 'negative', requestBody: { name: '' }, violation, status: 201, body: {} }),
      ctx,
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      cause: 'accepted invalid body.name (minLength)',
      severity: 'error',
      specLocation: { pointer: '/paths/~1things/post/requestBody' },
    });
    expect(f!.message).toBe(
      [
        'Received: 201 (the invalid request was accepted)',
        'Documented: invalid input is rejected with one of 400, 401, 403–406, 409, 413–415, 422, 428, 431 (policy: default)',
        'Sent: body.name: "" is shorter than 1 character (minLength)',
      ].join('\n'),
    );
  });

  it('reports a rejection with a status outside the policy', () => {
    const ctx2 = contextOf(THINGS, 'POST /things', {
      policy: { rejected: [400, 422], accepted: [201], source: 'config rejected' },
    });
    const ex = exchangeOf({ ...post, kind: 'negative', requestBody: { name: '' }, violation, status: 404 });
    expect(negative.run(ex, ctx2)).toMatchObject([{ cause: 'status 404 for invalid body.name (minLength)' }]);
  });

  it('judges the bytes sent: a body that is not JSON is never "valid after all"', () => {
    const ex = exchangeOf({
      ...post,
      kind: 'negative',
      requestBody: { name: 'ok' },
      violation: { location: 'body', keyword: 'type', message: 'body is not JSON' },
      status: 201,
    });
    ex.request.body = '{"name": "ok"';
    expect(negative.run(ex, ctx)).toMatchObject([{ cause: 'accepted invalid body (type)' }]);
  });

  it('collapses array indices so one gap is one finding', () => {
    const v = { location: 'query.ids[3]', keyword: 'type', message: 'not an integer' };
    expect(negative.run(exchangeOf({ ...post, kind: 'negative', violation: v, status: 200 }), ctx)).toMatchObject([
      { cause: 'accepted invalid query.ids[*] (type)' },
    ]);
  });

  it.each([
    ['a rejected negative case', { kind: 'negative', requestBody: { name: '' }, violation, status: 422 }],
    ['a positive case', { kind: 'positive', requestBody: { name: 'x' }, status: 201 }],
    [
      'a server error (not_a_server_error reports it)',
      { kind: 'negative', requestBody: { name: '' }, violation, status: 500 },
    ],
    [
      'a body that is valid after all (e.g. shrunk to valid)',
      { kind: 'negative', requestBody: { name: 'ok' }, violation, status: 201 },
    ],
    ['a negative case without a violation', { kind: 'negative', status: 201 }],
  ] as const)('does not report %s', (_, s) => {
    expect(negative.run(exchangeOf({ ...post, ...s }), ctx)).toEqual([]);
  });
});

describe('positive_data_acceptance', () => {
  it('reports a valid request rejected with a 4xx, quoting the response', () => {
    const ctx = contextOf(THINGS, 'POST /things');
    const ex = exchangeOf({
      ...post,
      kind: 'example',
      requestBody: { name: 'x' },
      requestHeaders: { authorization: 'Bearer t' },
      status: 422,
      body: { message: 'name taken' },
    });
    const [f] = positive.run(ex, ctx);
    expect(f).toMatchObject({ cause: 'status 422', severity: 'error' });
    expect(f!.message).toBe(
      'Received: 422 (the request is a valid example case)\nDocumented: valid input is accepted (200–299; policy: default)\nResponse body: {"message":"name taken"}',
    );
  });

  it('reports 401 when credentials were sent, and on an operation without security', () => {
    const auth = { authorization: 'Bearer t' };
    expect(
      positive.run(exchangeOf({ ...post, requestHeaders: auth, status: 401 }), contextOf(THINGS, 'POST /things')),
    ).toMatchObject([{ cause: 'status 401' }]);
    expect(positive.run(exchangeOf({ path: '/things', status: 401 }), contextOf(THINGS, 'GET /things'))).toMatchObject([
      { cause: 'status 401' },
    ]);
  });

  it.each([
    ['404 on an unknown id', 'GET /things/{id}', { status: 404 }],
    ['409 conflict', 'POST /things', { ...post, status: 409, requestHeaders: { authorization: 'Bearer t' } }],
    ['429 rate limit', 'GET /things', { path: '/things', status: 429 }],
    ['401 without credentials', 'POST /things', { ...post, status: 401 }],
    [
      '403 without the api key',
      'GET /closed',
      { path: '/closed', status: 403, requestHeaders: { authorization: 'Bearer t' } },
    ],
    ['a 2xx', 'GET /things/{id}', { status: 200 }],
    ['a 3xx', 'GET /things/{id}', { status: 302 }],
    ['a negative case', 'POST /things', { ...post, kind: 'negative', status: 400 }],
    ['a 5xx (not_a_server_error reports it)', 'GET /things/{id}', { status: 500 }],
  ] as const)('does not report %s', (_, key, s) => {
    expect(positive.run(exchangeOf(s as Parameters<typeof exchangeOf>[0]), contextOf(THINGS, key))).toEqual([]);
  });

  it('never blames the server for a case whose body does not validate (a generator slip)', () => {
    const ex = exchangeOf({
      ...post,
      kind: 'boundary',
      requestBody: { name: '' },
      requestHeaders: { authorization: 'Bearer t' },
      status: 400,
    });
    expect(positive.run(ex, contextOf(THINGS, 'POST /things'))).toEqual([]);
    expect(positive.applies!(ex, contextOf(THINGS, 'POST /things'))).toBe(
      'the body sent does not validate against the request schema (not a valid case)',
    );
  });

  it('does not take a documented 401/403 for a made-up password as valid input refused; a 400 it still judges', () => {
    const spec = `openapi: 3.0.3
info: {title: login, version: '1'}
paths:
  /login:
    post:
      requestBody: {content: {application/json: {schema: {type: object, properties: {username: {type: string}, password: {type: string}}}}}}
      responses: {'200': {description: in}, '400': {description: bad}, '401': {description: wrong password}}
`;
    const ctx = contextOf(spec, 'POST /login');
    const login = (status: number, body: Record<string, unknown> = { username: 'admin', password: 'em' }) =>
      exchangeOf({ method: 'POST', path: '/login', requestBody: body, status });
    expect(positive.applies!(login(401), ctx)).toMatch(/documented 401 refusal of generated password/);
    expect(positive.run(login(401), ctx)).toEqual([]);
    expect(positive.run(login(401, { username: 'admin' }), ctx)).toMatchObject([{ cause: 'status 401' }]);
    const live = { ...login(401), case: { ...login(401).case, live: { 'body.password': 'em' } } };
    expect(positive.run(live, ctx)).toMatchObject([{ cause: 'status 401' }]);
    expect(positive.run(login(400), ctx)).toMatchObject([{ cause: 'status 400' }]);
  });

  it('says why 404 on a parameterised path is not judged', () => {
    expect(positive.applies!(exchangeOf({ status: 404 }), contextOf(THINGS, 'GET /things/{id}'))).toBe(
      '404 on a path with parameters (unknown id)',
    );
  });
});

describe('size limits of the HTTP stack (413, 414, 431)', () => {
  const ctx = contextOf(THINGS, 'POST /things', {
    policy: { rejected: [400, 404, 405, 406, 409, 413, 414, 415, 422], accepted: [201], source: 'default' },
  });
  it.each([413, 414, 431])('a negative case refused with %i was rejected', (status) => {
    expect(
      negative.run(exchangeOf({ ...post, kind: 'negative', requestBody: { name: '' }, violation, status }), ctx),
    ).toEqual([]);
  });
  it.each([413, 414, 431])('a valid case refused with %i is a warning, not an error', (status) => {
    const ex = exchangeOf({
      ...post,
      kind: 'boundary',
      requestBody: { name: 'x' },
      requestHeaders: { authorization: 'Bearer t' },
      status,
    });
    expect(positive.run(ex, ctx)).toMatchObject([{ cause: `status ${status}`, severity: 'warn' }]);
  });
});

describe('positive_data_acceptance on form bodies that lose a value on the wire', () => {
  const FORMS = `
openapi: 3.0.3
info: {title: forms, version: '1'}
paths:
  /hooks:
    post:
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [url, events]
              properties:
                url: {type: string}
                events: {type: array, items: {type: string}}
                strategy: {type: string, enum: [auto], nullable: true}
      responses: {'201': {description: created}, '400': {description: bad}}
`;
  const ctx = contextOf(FORMS, 'POST /hooks');
  const form = (body: Record<string, unknown>, text: string) => {
    const ex = exchangeOf({ method: 'POST', path: '/hooks', kind: 'boundary', status: 400 });
    ex.case = { ...ex.case, body, bodyText: text, mediaType: 'application/x-www-form-urlencoded' };
    ex.request.body = text;
    return ex;
  };

  it('does not judge a required empty array that the form encoding drops', () => {
    expect(positive.applies!(form({ url: 'u', events: [] }, 'url=u'), ctx)).toMatch(/form field events/);
    expect(positive.run(form({ url: 'u', events: [] }, 'url=u'), ctx)).toEqual([]);
  });

  it('does not judge a null sent as an empty field', () => {
    expect(positive.run(form({ url: 'u', events: ['a'], strategy: null }, 'url=u&events=a&strategy='), ctx)).toEqual(
      [],
    );
  });

  it('still judges a form body that carries every value', () => {
    expect(positive.run(form({ url: 'u', events: ['a'] }, 'url=u&events=a'), ctx)).toMatchObject([
      { cause: 'status 400' },
    ]);
  });
});

describe('negative_data_rejection with #fragment variants of one URL', () => {
  const TOKEN = `
openapi: 3.0.3
info: {title: token, version: '1'}
paths:
  /token:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [grant_type], properties: {grant_type: {type: string}, code: {type: string}}}
      responses: {'200': {description: ok}, '400': {description: bad}}
  /token#refresh:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [grant_type, client_id], properties: {grant_type: {type: string}, client_id: {type: string}}}
      responses: {'200': {description: ok}, '400': {description: bad}}
`;
  const ctx = contextOf(TOKEN, 'POST /token#refresh');
  const missing = { location: 'body.client_id', keyword: 'required', message: 'missing required property client_id' };

  it('does not judge a body another variant of the same URL accepts', () => {
    const ex = exchangeOf({
      method: 'POST',
      path: '/token#refresh',
      kind: 'negative',
      requestBody: { grant_type: 'refresh_token' },
      violation: missing,
      status: 200,
    });
    expect(negative.applies!(ex, ctx)).toMatch(/valid for POST \/token,/);
    expect(negative.run(ex, ctx)).toEqual([]);
  });

  it('still judges a body no variant accepts', () => {
    const ex = exchangeOf({
      method: 'POST',
      path: '/token#refresh',
      kind: 'negative',
      requestBody: { grant_type: 5 },
      violation: { location: 'body.grant_type', keyword: 'type', message: 'not a string' },
      status: 200,
    });
    expect(negative.run(ex, ctx)).toMatchObject([{ cause: 'accepted invalid body.grant_type (type)' }]);
  });
});

describe('positive_data_acceptance on a documented 422 to a case that names another resource', () => {
  const LOANS = `
openapi: 3.0.3
info: {title: loans, version: '1'}
paths:
  /loans:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [bookId], properties: {bookId: {type: string}, days: {type: integer}}}
      responses: {'201': {description: lent}, '400': {description: bad}, '422': {description: not lendable}}
`;
  const ctx = contextOf(LOANS, 'POST /loans');
  const loan = (status: number, live: Record<string, string>) => {
    const ex = exchangeOf({
      method: 'POST',
      path: '/loans',
      kind: 'positive',
      requestBody: { bookId: 'bk_1' },
      status,
    });
    ex.case = { ...ex.case, live };
    return ex;
  };

  it('does not judge the 422 even with a live id: that resource may not allow it (no e-book, already lent)', () => {
    expect(positive.applies!(loan(422, { 'body.bookId': 'bk_1' }), ctx)).toMatch(/naming bookId/);
    expect(positive.run(loan(422, { 'body.bookId': 'bk_1' }), ctx)).toEqual([]);
  });

  it('still judges a 400 to the same valid case with a live id', () => {
    expect(positive.run(loan(400, { 'body.bookId': 'bk_1' }), ctx)).toMatchObject([{ cause: 'status 400' }]);
  });
});
