import { describe, expect, it } from 'vitest';
import { exchangeOf } from '../check/test-kit.ts';
import { redact, secretValues, REDACTED } from './redact.ts';
import { bodySecrets, isSecretField, redactBody, redactJson } from './redact-body.ts';

describe('isSecretField: whole words, never substrings', () => {
  it.each([
    // secrets
    ['key', true],
    ['api_key', true],
    ['apiKey', true],
    ['apikey', true],
    ['x-api-key', true],
    ['secret', true],
    ['client_secret', true],
    ['webhookSecret', true],
    ['token', true],
    ['access_token', true],
    ['refresh_token', true],
    ['id_token', true],
    ['authToken', true],
    ['password', true],
    ['new_password', true],
    ['passwd', true],
    ['private_key', true],
    ['privateKey', true],
    ['plaintext', true],
    ['plaintext_key', true],
    ['secret_key', true],
    ['signing_secret', true],
    ['credentials', true],
    ['Authorization', true],
    // not secrets: identifiers, counts, cursors, names that only contain a secret word
    ['key_id', false],
    ['keyId', false],
    ['tokens', false],
    ['prompt_tokens', false],
    ['max_tokens', false],
    ['total_tokens', false],
    ['completion_tokens', false],
    ['token_count', false],
    ['token_type', false],
    ['tokenizer', false],
    ['idempotency_key', false],
    ['sort_key', false],
    ['public_key', false],
    ['next_page_token', false],
    ['page_token', false],
    ['secret_id', false],
    ['keyword', false],
    ['monkey', false],
    ['passing', false],
    ['prefix', false],
    ['expires_at', false],
    ['', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretField(name)).toBe(secret);
  });
});

describe('redactBody', () => {
  it.each([
    [
      'a minted key',
      '{"id":"key_1","key":"sk-aig-0123456789abcdef","prefix":"sk-aig-0123"}',
      `{"id":"key_1","key":"${REDACTED}","prefix":"sk-aig-0123"}`,
    ],
    [
      'nested and spaced',
      '{"data": [{"client_secret" : "s3cr3t!"}], "usage": {"total_tokens": 12}}',
      `{"data": [{"client_secret" : "${REDACTED}"}], "usage": {"total_tokens": 12}}`,
    ],
    ['escaped quotes inside a value', '{"password":"a\\"b","name":"n"}', `{"password":"${REDACTED}","name":"n"}`],
    ['a value that looks like a name is not read as one', '{"note":"key","x":"y"}', '{"note":"key","x":"y"}'],
    [
      'numbers and nulls are no secrets',
      '{"token":null,"key":3,"max_tokens":5}',
      '{"token":null,"key":3,"max_tokens":5}',
    ],
    ['empty strings stay empty', '{"secret":""}', '{"secret":""}'],
    [
      'an SSE stream',
      'data: {"access_token":"abcdefgh"}\n\ndata: [DONE]\n',
      `data: {"access_token":"${REDACTED}"}\n\ndata: [DONE]\n`,
    ],
    ['a truncated body', '{"key":"sk-aig-1234567","id":"k', `{"key":"${REDACTED}","id":"k`],
    ['a form body', 'username=ann&password=hunter22', `username=ann&password=${REDACTED}`],
    ['plain text is left alone', 'key: value', 'key: value'],
  ])('%s', (_name, body, want) => {
    expect(redactBody(body)).toBe(want);
  });

  it('bodySecrets returns the decoded values, for scrubbing elsewhere', () => {
    expect(bodySecrets('{"key":"sk-\\u0061ig-1","n":"x"}')).toEqual(['sk-aig-1']);
    expect(bodySecrets('password=a%20b&x=1')).toEqual(['a b']);
    expect(bodySecrets(undefined)).toEqual([]);
  });

  it('redactJson redacts parsed bodies the same way', () => {
    expect(redactJson({ api_key: 'abc', key_id: 'k1', items: [{ token: 'x' }], tokens: 4 })).toEqual({
      api_key: REDACTED,
      key_id: 'k1',
      items: [{ token: REDACTED }],
      tokens: 4,
    });
  });
});

describe('redact (exchange)', () => {
  const KEY = 'sk-aig-0123456789abcdef0123456789abcdef';
  const ex = exchangeOf({
    method: 'POST',
    requestBody: { name: 'k', password: 'pa55word!' },
    body: { id: 'key_1', key: KEY, prompt_tokens: 3 },
  });

  it('redacts secret fields of request and response bodies, and their values everywhere else', () => {
    const withEcho = { ...ex, case: { ...ex.case, id: `case-${KEY}` } };
    const safe = redact(withEcho);
    const text = JSON.stringify(safe);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('pa55word!');
    expect(JSON.parse(safe.response!.body)).toEqual({ id: 'key_1', key: REDACTED, prompt_tokens: 3 });
    expect(JSON.parse(safe.request.body!)).toEqual({ name: 'k', password: REDACTED });
  });

  it('secretValues includes body secrets', () => {
    expect(secretValues(ex)).toEqual(expect.arrayContaining([KEY, 'pa55word!']));
  });
});
