/**
 * Which names carry credentials. A header, query parameter, cookie or body field is a credential when it is
 * `Authorization`/`Cookie`/`Set-Cookie`, when the spec's security schemes or the user name it, or when its
 * name says so by whole words: the last word is `token`, `secret`, `password`, `key`… (`x-api-key`,
 * `access_token`, `clientSecret`), never a substring (`x-portkey-provider`, `max_tokens`, `keyword` are data).
 */

/** Header names that always carry credentials. */
const ALWAYS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

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
  'signature',
  'session',
]);

/** `<word>_token` names that are pagination cursors, not credentials. */
const CURSOR_TOKENS = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'pagination', 'cursor', 'sync']);

/** `<word>_key` names that identify or order things rather than authenticate (a bare `key`, `api_key` stay secret). */
const NOT_SECRET_KEYS = new Set(
  (
    'idempotency cache sort public publishable partition primary foreign object routing dedup dedupe deduplication ' +
    'lookup group unique hash range row shard bucket storage s3 i18n translation message label event field entry ' +
    'resource map composite natural cursor'
  ).split(' '),
);

/** Words before the last that make the name a policy or a flag about credentials, not one (`allow_credentials`). */
const ABOUT_CREDENTIALS = new Set([
  'allow',
  'allowed',
  'with',
  'include',
  'includes',
  'supports',
  'require',
  'requires',
]);

/** The words of a name: `plaintextKey` → plaintext, key; `X-API-Key` → x, api, key. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a name says by its last word that it holds a secret (see the module doc). */
export function isSecretWordName(name: string): boolean {
  const w = words(name);
  const last = w.at(-1);
  const prev = w.at(-2);
  if (last === undefined) return false;
  if (prev !== undefined && ABOUT_CREDENTIALS.has(prev)) return false;
  if (last === 'key') return prev === undefined || !NOT_SECRET_KEYS.has(prev);
  if (last === 'token') return prev === undefined || !CURSOR_TOKENS.has(prev);
  return SECRET_WORDS.has(last);
}

/** True for a header, query or cookie name that carries a credential; `named`: the spec's and the user's names. */
export function isCredentialName(name: string, named: ReadonlySet<string> = new Set()): boolean {
  const lower = name.toLowerCase();
  return ALWAYS.has(lower) || named.has(lower) || isSecretWordName(name);
}
