/**
 * Secrets inside bodies: APIs answer with minted keys (`"key": "sk-…"`, `"plaintext_key"`, `"client_secret"`,
 * `"access_token"`) and clients send passwords. A JSON (or form) field whose *name* says secret has its string
 * value replaced. Names are judged by whole words (`api_key`, `apiKey`, `x-api-key` → api + key), never by
 * substring, so `key_id`, `tokens`, `max_tokens`, `prompt_tokens` and `token_count` stay readable.
 */
import { REDACTED } from './redact.ts';

/** Last words that name a secret on their own (`secret`, `client_secret`, `access_token`, `password`). */
const SECRET_WORDS = new Set([
  'secret',
  'token',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'apikey',
  'plaintext',
  'credential',
  'credentials',
  'authorization',
  'bearer',
  'cookie',
  'privatekey',
  'secretkey',
  'accesskey',
]);

/** `<word>_token` names that are pagination cursors, not credentials. */
const CURSOR_TOKENS = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'pagination', 'cursor', 'sync']);

/** `<word>_key` names that identify or order things rather than authenticate (a bare `key`, `api_key` stay secret). */
const NOT_SECRET_KEYS = new Set([
  'idempotency',
  'cache',
  'sort',
  'public',
  'publishable',
  'partition',
  'primary',
  'foreign',
  'object',
  'routing',
  'dedup',
  'dedupe',
  'deduplication',
  'lookup',
  'group',
  'unique',
  'hash',
  'range',
  'row',
  'shard',
  'bucket',
  'storage',
  's3',
  'i18n',
  'translation',
  'message',
  'label',
  'event',
  'field',
  'entry',
  'resource',
  'map',
  'composite',
  'natural',
  'cursor',
]);

/** The words of a field name: `plaintextKey` → plaintext, key; `X-API-Key` → x, api, key. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a JSON or form field named `name` holds a secret (judged on its last word, see the module doc). */
export function isSecretField(name: string): boolean {
  const w = words(name);
  const last = w.at(-1);
  const prev = w.at(-2);
  if (last === undefined) return false;
  if (last === 'key') return prev === undefined || !NOT_SECRET_KEYS.has(prev);
  if (last === 'token') return prev === undefined || !CURSOR_TOKENS.has(prev);
  return SECRET_WORDS.has(last);
}

// A JSON member whose value is a string: "name" : "value" (escapes kept). Works on truncated bodies and SSE too.
const JSON_MEMBER = /"((?:[^"\\\n]|\\.)*)"(\s*:\s*)"((?:[^"\\\n]|\\.)*)"/g;
const FORM = /^[^=&\s{[]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Visits each secret-named string field of a JSON, SSE or form body: `replace` returns its new raw value. */
function mapSecretFields(text: string, replace: (raw: string) => string): string {
  if (FORM.test(text)) {
    return text
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        return isSecretField(decode(pair.slice(0, eq))) && eq < pair.length - 1
          ? `${pair.slice(0, eq + 1)}${replace(pair.slice(eq + 1))}`
          : pair;
      })
      .join('&');
  }
  return text.replace(JSON_MEMBER, (all, name: string, colon: string, value: string) =>
    value !== '' && isSecretField(name) ? `"${name}"${colon}"${replace(value)}"` : all,
  );
}

/** The body with every secret-named field's string value replaced by `[REDACTED]`. */
export function redactBody(text: string): string {
  return mapSecretFields(text, () => REDACTED);
}

/** The values (decoded) of secret-named fields of a body, so the same values can be scrubbed anywhere else. */
export function bodySecrets(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  mapSecretFields(text, (raw) => {
    out.push(FORM.test(text) ? decode(raw) : jsonString(raw));
    return raw;
  });
  return out.filter((v) => v !== REDACTED);
}

function jsonString(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** A deep copy of a parsed body with secret-named string fields replaced. */
export function redactJson<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          typeof x === 'string' && x !== '' && isSecretField(k) ? REDACTED : walk(x),
        ]),
      );
    }
    return v;
  };
  return walk(value) as T;
}
