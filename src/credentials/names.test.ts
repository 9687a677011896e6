import { describe, expect, it } from 'vitest';
import { isCredentialName, isSecretWordName } from './names.ts';
import { isDistinctive, looksLikeCredential } from './shape.ts';

describe('isSecretWordName: whole words, never substrings', () => {
  it.each([
    ...['key', 'api_key', 'apiKey', 'apikey', 'x-api-key', 'X-API-Key', 'secret', 'client_secret', 'webhookSecret'],
    ...['token', 'access_token', 'refresh_token', 'id_token', 'authToken', 'password', 'new_password', 'passwd'],
    ...['private_key', 'privateKey', 'plaintext', 'plaintext_key', 'secret_key', 'signing_secret', 'credentials'],
    ...['Authorization', 'Proxy-Authorization', 'Cookie', 'Set-Cookie', 'x-portkey-api-key', 'X-Hub-Signature'],
  ])('%s is a secret name', (name) => expect(isSecretWordName(name)).toBe(true));

  it.each([
    ...['key_id', 'keyId', 'tokens', 'prompt_tokens', 'max_tokens', 'total_tokens', 'token_count', 'token_type'],
    ...['tokenizer', 'idempotency_key', 'Idempotency-Key', 'sort_key', 'public_key', 'next_page_token', 'page_token'],
    ...['secret_id', 'keyword', 'monkey', 'passing', 'prefix', 'expires_at', '', 'Content-Type', 'X-Request-Id'],
    ...['x-portkey-provider', 'x-portkey-config', 'provider', 'model', 'Access-Control-Allow-Credentials'],
    ...['Access-Control-Allow-Headers', 'Access-Control-Expose-Headers', 'allow_credentials', 'withCredentials'],
  ])('%s is not', (name) => expect(isSecretWordName(name)).toBe(false));
});

describe('isCredentialName', () => {
  it('is the word rule plus Authorization/Cookie and the names the spec or the user give', () => {
    expect(isCredentialName('Authorization')).toBe(true);
    expect(isCredentialName('X-Tenant')).toBe(false);
    expect(isCredentialName('X-Tenant', new Set(['x-tenant']))).toBe(true);
    expect(isCredentialName('x-portkey-provider')).toBe(false);
  });
});

describe('what a credential looks like', () => {
  it.each([
    ['sk-aig-0123456789abcdef', true],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', true],
    ['*:development.4f7b0c2e9a1d8b3c6e5f0a9d8c7b6a5e4d3c2b1a', true],
    ['gpt-4o-mini', false],
    ['claude-3-5-sonnet-20241022', false],
    ['meta-llama/Meta-Llama-3.1-70B-Instruct', false],
    ['text-embedding-3-large', false],
    ['550e8400-e29b-41d4-a716-446655440000', false],
    ['supercalifragilisticexpialidocious', false],
    ['a token with spaces 0123456789abcdef', false],
  ])('%s → %s', (value, want) => expect(looksLikeCredential(value)).toBe(want));

  it.each([
    ['sk-aig-test', true],
    ['hunter22', true],
    ['openai', false],
    ['password', false],
    ['two words', false],
  ])('%s is distinctive enough to find inside text → %s', (value, want) => expect(isDistinctive(value)).toBe(want));
});
