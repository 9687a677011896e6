import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeOf } from '../check/test-kit.ts';
import { REDACTED, SecretBook } from './book.ts';
import { redactBody } from './body.ts';
import { learnSecrets, redactExchange, redactFindings, redactHeaders } from './redact.ts';

const SECRET = 'sk-live-9f8e7d6c5b4a';
const bookWith = (...values: string[]) =>
  new SecretBook(
    [],
    values.map((v) => [v, { env: 'SPECGATE_TOKEN' }]),
  );

/** Text made of characters no secret below uses, so it can never contain one. */
const plain = fc.stringMatching(/^[a-z .,:/"{}=&-]{0,60}$/);
const secret = fc.stringMatching(/^[A-Z0-9]{8,24}$/).map((s) => `sk-${s}`);

describe('laws', () => {
  it('redaction never changes a string containing no secret', () => {
    fc.assert(
      fc.property(fc.array(secret, { maxLength: 4 }), plain, (secrets, text) => {
        const book = bookWith(...secrets);
        expect(book.scrub(text)).toBe(text);
        expect(redactBody(text, book, true)).toBe(text);
      }),
    );
  });

  it('every secret value is gone from a redacted exchange, wherever it was sent or echoed', () => {
    fc.assert(
      fc.property(secret, plain, (value, text) => {
        const ex = exchangeOf({
          query: `api_key=${value}&q=${encodeURIComponent(text)}`,
          requestHeaders: { authorization: `Bearer ${value}`, 'x-trace': text },
          requestBody: { note: text, echo: `${text}${value}` },
          body: { echo: value, message: `you sent ${value}`, text },
          headers: { 'set-cookie': `sid=${value}; Path=/` },
        });
        const book = new SecretBook();
        learnSecrets(ex, book);
        const safe = JSON.stringify(redactExchange(ex, book));
        expect(safe).not.toContain(value);
        expect(safe).toContain(JSON.stringify(text).slice(1, -1));
      }),
    );
  });

  it('an ordinary header value is never redacted (x-provider: openai)', () => {
    const name = fc.constantFrom('x-portkey-provider', 'x-provider', 'content-type', 'x-request-id', 'x-model');
    fc.assert(
      fc.property(name, plain, fc.array(secret, { maxLength: 3 }), (n, value, secrets) => {
        expect(redactHeaders({ [n]: value }, bookWith(...secrets))).toEqual({ [n]: value });
      }),
    );
    const ex = exchangeOf({ requestHeaders: { 'x-portkey-provider': 'openai', authorization: `Bearer ${SECRET}` } });
    const book = new SecretBook();
    learnSecrets(ex, book);
    expect(redactExchange(ex, book).request.headers).toEqual({
      'x-portkey-provider': 'openai',
      authorization: `Bearer ${REDACTED}`,
    });
  });
});

describe('redactBody', () => {
  const book = bookWith(SECRET);
  it.each([
    [
      'a minted key (secret-named, looks like a token)',
      '{"id":"key_1","key":"sk-aig-0123456789abcdef","prefix":"sk-aig-0123"}',
      `{"id":"key_1","key":"${REDACTED}","prefix":"sk-aig-0123"}`,
    ],
    [
      'a model id under "key" is data',
      '{"key":"gpt-4o-mini-2024-07-18","n":3}',
      '{"key":"gpt-4o-mini-2024-07-18","n":3}',
    ],
    ['a known secret as a whole string', `{"data": ["${SECRET}", "x"]}`, `{"data": ["${REDACTED}", "x"]}`],
    ['escaped quotes inside a value', '{"password":"a\\"b","name":"n"}', '{"password":"a\\"b","name":"n"}'],
    [
      'numbers and nulls are no secrets',
      '{"token":null,"key":3,"max_tokens":5}',
      '{"token":null,"key":3,"max_tokens":5}',
    ],
    [
      'an SSE stream',
      'data: {"access_token":"eyJhbGciOiJIUzI1NiJ9.abcDEF123456789xyz"}\n\ndata: [DONE]\n',
      `data: {"access_token":"${REDACTED}"}\n\ndata: [DONE]\n`,
    ],
    ['a truncated body', `{"echo":"${SECRET}","id":"k`, `{"echo":"${REDACTED}","id":"k`],
    ['a form body', `username=ann&token=${SECRET}`, `username=ann&token=${REDACTED}`],
    ['plain text is left to the scrub', 'key: value', 'key: value'],
  ])('%s', (_name, body, want) => {
    expect(redactBody(body, book, true)).toBe(want);
  });

  it('declared names hide any value; request bodies are not judged by name and shape', () => {
    const declared = new SecretBook(['pin']);
    expect(redactBody('{"pin":"1234","name":"n"}', declared, false)).toBe(`{"pin":"${REDACTED}","name":"n"}`);
    const generated = '{"api_key":"Zx9aB8cD7eF6gH5iJ4kL"}';
    expect(redactBody(generated, new SecretBook(), false)).toBe(generated);
  });
});

describe('redactExchange', () => {
  const ex = exchangeOf({
    query: `api_key=${SECRET}&q=1`,
    requestHeaders: { Authorization: `Bearer ${SECRET}`, Accept: 'application/json' },
    body: { echo: SECRET },
    headers: { 'set-cookie': `sid=${SECRET}; Path=/; HttpOnly` },
  });

  it('hides credential places by whole value, keeping schemes, names and cookie attributes', () => {
    const safe = redactExchange(ex, bookWith(SECRET));
    expect(safe.request.headers).toEqual({ Authorization: `Bearer ${REDACTED}`, Accept: 'application/json' });
    expect(safe.request.url).toBe(`http://127.0.0.1:9/api/things/1?api_key=${REDACTED}&q=1`);
    expect(safe.response!.body).toBe(`{"echo":"${REDACTED}"}`);
    expect(safe.response!.headers['set-cookie']).toBe(`sid=${REDACTED}; Path=/; HttpOnly`);
  });

  it('leaves the original exchange untouched', () => {
    redactExchange(ex, bookWith(SECRET));
    expect(ex.request.headers.Authorization).toBe(`Bearer ${SECRET}`);
  });

  it('never hides a secret as a substring of unrelated text when it is a plain word', () => {
    const book = bookWith('openai');
    const f = { message: 'spec portkey-openai-openapi.yaml', exchange: exchangeOf({ body: { model: 'openai' } }) };
    const [safe] = redactFindings([f], book);
    expect(safe!.message).toBe('spec portkey-openai-openapi.yaml');
    expect(safe!.exchange!.response!.body).toBe(`{"model":"${REDACTED}"}`);
  });
});
