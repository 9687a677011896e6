/**
 * Redaction of what a run writes: credentials are hidden by whole value where they live (header, query and
 * cookie values, body strings, the credential after `Bearer `/`Basic `), and known distinctive secrets
 * wherever they are echoed; ordinary data (a model id, a provider name, a path) is never touched.
 */
import type { Exchange } from '../types.ts';
import { REDACTED, type SecretBook } from './book.ts';
import { envWord } from './read.ts';
import { bodySecrets, redactBody, redactJson } from './body.ts';

const SCHEME_VALUE = /^([A-Za-z][\w-]*)(\s+)\S.*$/;

/** A credential header's value hidden, keeping its scheme (`Bearer [REDACTED]`) and cookie names. */
export function redactCredentialValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (value === '') return value;
  if (lower === 'cookie')
    return value
      .split(';')
      .map((pair) => (pair.includes('=') ? `${pair.slice(0, pair.indexOf('=') + 1)}${REDACTED}` : pair))
      .join(';');
  if (lower === 'set-cookie') return value.replace(/^([^=;]*=)[^;]*/, `$1${REDACTED}`);
  const m = SCHEME_VALUE.exec(value);
  return m ? `${m[1]}${m[2]}${REDACTED}` : REDACTED;
}

/** Headers with credential values hidden (names kept). */
export function redactHeaders<T extends string | string[]>(
  headers: Record<string, T>,
  book: SecretBook,
): Record<string, T> {
  const one = (k: string, v: string) =>
    book.isCredentialName(k) ? redactCredentialValue(k, v) : book.knows(v) ? REDACTED : v;
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => one(k, x)) : one(k, v)]),
  ) as Record<string, T>;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A query string (without `?`) with credential parameters' and known secret values hidden. */
export function redactQuery(query: string, book: SecretBook): string {
  if (query === '') return query;
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const value = decode(pair.slice(eq + 1));
      const hide = value !== '' && (book.isCredentialName(decode(pair.slice(0, eq))) || book.knows(value));
      return hide ? `${pair.slice(0, eq + 1)}${REDACTED}` : pair;
    })
    .join('&');
}

function redactUrl(url: string, book: SecretBook): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const end = hash < 0 ? url.length : hash;
  return `${url.slice(0, q + 1)}${redactQuery(url.slice(q + 1, end), book)}${url.slice(end)}`;
}

/** Adds to `book` the secrets an exchange reveals: values in credential places, minted tokens, session cookies. */
export function learnSecrets(exchange: Exchange, book: SecretBook): void {
  const minted = { env: 'SPECGATE_SECRET' };
  for (const [k, v] of Object.entries(exchange.request.headers)) {
    if (!book.isCredentialName(k)) continue;
    const pairs = k.toLowerCase() === 'cookie' ? v.split(';').map((p) => p.split('=').slice(1).join('=')) : [v];
    for (const p of pairs) book.add(credentialPart(p.trim()), { env: `SPECGATE_HEADER_${envWord(k)}` });
  }
  const url = new URL(exchange.request.url, 'http://placeholder.invalid');
  url.searchParams.forEach((v, k) => book.isCredentialName(k) && book.add(v, { env: `SPECGATE_QUERY_${envWord(k)}` }));
  for (const [k, v] of Object.entries(exchange.case.cookies))
    if (book.isCredentialName(k)) book.add(v, { env: `SPECGATE_COOKIE_${envWord(k)}` });
  for (const v of bodySecrets(exchange.response?.body, book, true)) book.add(v, minted);
  for (const v of bodySecrets(exchange.request.body, book, false)) book.add(v, minted);
  const setCookie = exchange.response?.headers['set-cookie'];
  for (const line of [setCookie ?? []].flat()) {
    const value = /^[^=;]*=([^;]*)/.exec(line)?.[1]?.trim();
    if (value && value.length >= 8) book.add(value, minted);
  }
}

/** The credential of a header value: the token after `Bearer `/`Basic `, or the whole value. */
function credentialPart(value: string): string | undefined {
  const part = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value)?.[1] ?? value;
  return part === '' || part.includes(REDACTED) ? undefined : part;
}

/** A deep copy of any value with every string (and key) scrubbed of the book's known secrets. */
export function scrubDeep<T>(value: T, book: SecretBook): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return book.scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [book.scrub(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** A copy of the exchange safe to print (`book` should already know what it reveals, see learnSecrets). */
export function redactExchange(exchange: Exchange, book: SecretBook): Exchange {
  const c = exchange.case;
  const cleaned: Exchange = {
    ...exchange,
    case: {
      ...c,
      headers: redactHeaders(c.headers, book),
      cookies: Object.fromEntries(
        Object.entries(c.cookies).map(([k, v]) => [k, book.isCredentialName(k) || book.knows(v) ? REDACTED : v]),
      ),
      query: redactQuery(c.query, book),
      ...(c.body !== undefined ? { body: redactJson(c.body, book) } : {}),
      ...(c.bodyText !== undefined ? { bodyText: redactBody(c.bodyText, book, false) } : {}),
    },
    request: {
      ...exchange.request,
      url: redactUrl(exchange.request.url, book),
      headers: redactHeaders(exchange.request.headers, book),
      ...(exchange.request.body !== undefined ? { body: redactBody(exchange.request.body, book, false) } : {}),
    },
  };
  if (exchange.response)
    cleaned.response = {
      ...exchange.response,
      headers: redactHeaders(exchange.response.headers, book),
      body: redactBody(exchange.response.body, book, true),
    };
  return scrubDeep(cleaned, book);
}

/** Findings safe to print: the book learns what their exchanges reveal, then each exchange and all text is redacted. */
export function redactFindings<F extends { exchange?: Exchange }>(findings: readonly F[], run: SecretBook): F[] {
  return findings.map(findingRedactor(findings, run));
}

/**
 * What `redactFindings` does to each finding, one at a time: the book learns from all of them first, so a long
 * list can be written out finding by finding without a redacted copy of all of it.
 */
export function findingRedactor<F extends { exchange?: Exchange }>(findings: Iterable<F>, run: SecretBook) {
  const book = run.copy();
  for (const f of findings) if (f.exchange) learnSecrets(f.exchange, book);
  return (f: F): F => scrubDeep(f.exchange ? { ...f, exchange: redactExchange(f.exchange, book) } : f, book);
}
