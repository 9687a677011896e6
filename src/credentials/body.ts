/**
 * Secrets inside bodies, by whole value: a JSON (or SSE, or form) string equal to a known secret, the value of
 * a field the spec or the user declared secret, and, in responses, a secret-named field (`key`, `access_token`,
 * `client_secret`) whose value looks like a minted token. Works on text, so truncated bodies and event streams
 * are handled too; one regular-expression pass per body.
 */
import { REDACTED, type SecretBook } from './book.ts';
import { isSecretWordName } from './names.ts';
import { looksLikeCredential } from './shape.ts';

// A JSON string, and when it is a member name followed by a string value, that value too (escapes kept).
const JSON_STRING = /"((?:[^"\\\n]|\\.)*)"(?:(\s*:\s*)"((?:[^"\\\n]|\\.)*)")?/g;
const FORM = /^[^=&\s{[]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;

function decodeForm(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function decodeJson(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Whether the string `value` (of field `name`, when it is one) is a secret; `minted`: judged as a response. */
export function isSecretField(book: SecretBook, name: string | undefined, value: string, minted: boolean): boolean {
  if (value === '' || value === REDACTED) return false;
  if (book.knows(value)) return true;
  if (name === undefined) return false;
  return book.isDeclared(name) || (minted && isSecretWordName(name) && looksLikeCredential(value));
}

/** Visits every string of a body (with its field name when it is a member's value); `hide` says which to replace. */
function mapBody(text: string, hide: (name: string | undefined, value: string) => boolean): string {
  if (FORM.test(text)) {
    return text
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        return hide(decodeForm(pair.slice(0, eq)), decodeForm(pair.slice(eq + 1)))
          ? `${pair.slice(0, eq + 1)}${REDACTED}`
          : pair;
      })
      .join('&');
  }
  return text.replace(JSON_STRING, (all, first: string, colon: string | undefined, value: string | undefined) => {
    if (colon === undefined) return hide(undefined, decodeJson(first)) ? `"${REDACTED}"` : all;
    const name = decodeJson(first);
    return hide(name, decodeJson(value!)) ? `"${first}"${colon}"${REDACTED}"` : all;
  });
}

/** The body with its secret strings replaced by `[REDACTED]` (`minted`: it is a response body). */
export function redactBody(text: string, book: SecretBook, minted: boolean): string {
  return mapBody(text, (name, value) => isSecretField(book, name, value, minted));
}

/** The secret values of a body nobody told us about yet (a key the API minted, a declared field's value). */
export function bodySecrets(text: string | undefined, book: SecretBook, minted: boolean): string[] {
  if (!text) return [];
  const out: string[] = [];
  mapBody(text, (name, value) => {
    if (!book.knows(value) && isSecretField(book, name, value, minted)) out.push(value);
    return false;
  });
  return out;
}

/** A deep copy of a parsed body with its secret strings replaced (request bodies: known values, declared names). */
export function redactJson<T>(value: T, book: SecretBook): T {
  const walk = (v: unknown, name?: string): unknown => {
    if (typeof v === 'string') return isSecretField(book, name, v, false) ? REDACTED : v;
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value) as T;
}
