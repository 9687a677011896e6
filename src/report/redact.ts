/**
 * Keeps secrets out of every report: header, query and cookie values whose names look secret (Authorization,
 * Cookie, X-API-Key, *token*, *secret*, *key*, *password*, and the spec's apiKey names) are replaced, and
 * the values found there are also replaced wherever else they appear (URLs, bodies, echoes, messages).
 * Secret-named fields of JSON and form bodies are redacted too (redact-body.ts).
 */
import type { Exchange } from '../types.ts';
import { bodySecrets, redactBody, redactJson } from './redact-body.ts';

/** Replacement text for a redacted value. */
export const REDACTED = '[REDACTED]';

const SECRET_NAME =
  /authorization|cookie|token|secret|passw|api[-_]?key|(^|[-_])key($|[-_])|session|credential|signature/i;
/** Names that match the pattern but carry no secret and are needed to replay a request. */
const NOT_SECRET = new Set(['idempotency-key', 'x-idempotency-key', 'cache-key', 'sort-key']);

/** True when a header, query or cookie name looks like it carries a secret (`extra`: the spec's apiKey names). */
export function isSecretName(name: string, extra: readonly string[] = []): boolean {
  const lower = name.toLowerCase();
  if (extra.some((e) => e.toLowerCase() === lower)) return true;
  return !NOT_SECRET.has(lower) && SECRET_NAME.test(lower);
}

/** Shorter values would redact ordinary text; a secret that short is not one. */
const MIN_SECRET_LENGTH = 6;

function credentialParts(value: string): string[] {
  // `Bearer abc`, `Basic xyz`: the credential alone may be echoed without its scheme.
  const parts = [value];
  const m = /^\s*[A-Za-z][\w-]*\s+(\S.*)$/.exec(value);
  if (m) parts.push(m[1]!);
  if (value.includes('=')) for (const pair of value.split(';')) parts.push(pair.split('=').slice(1).join('=').trim());
  return parts.filter((p) => p.length >= MIN_SECRET_LENGTH);
}

/** Headers with secret-looking values replaced (names kept). */
export function redactHeaders<T extends string | string[]>(
  headers: Record<string, T>,
  extra: readonly string[] = [],
): Record<string, T | string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSecretName(k, extra) ? REDACTED : v]));
}

/** The secret values an exchange sent: secret-named header values (and their credential part), query values, cookies. */
export function secretValues(exchange: Exchange, extra: readonly string[] = []): string[] {
  const out = new Set<string>();
  const c = exchange.case;
  for (const headers of [exchange.request.headers, c.headers]) {
    for (const [k, v] of Object.entries(headers))
      if (isSecretName(k, extra)) credentialParts(v).forEach((p) => out.add(p));
  }
  for (const v of Object.values(c.cookies)) if (v.length >= MIN_SECRET_LENGTH) out.add(v);
  const url = new URL(exchange.request.url, 'http://placeholder.invalid');
  url.searchParams.forEach((v, k) => {
    if (isSecretName(k, extra) && v.length >= MIN_SECRET_LENGTH) out.add(v);
  });
  // Secret-named body fields (a minted key, a password): their values are scrubbed wherever else they show up.
  for (const body of [exchange.request.body, c.bodyText, exchange.response?.body])
    for (const v of bodySecrets(body)) if (v.length >= MIN_SECRET_LENGTH) out.add(v);
  return [...out].sort((a, b) => b.length - a.length);
}

/** Replaces each secret in `text` (also its URL-encoded form). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    for (const form of new Set([s, encodeURIComponent(s)]))
      if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}

function redactUrl(url: string, extra: readonly string[]): string {
  return url.replace(/([?&])([^=&#]+)=([^&#]*)/g, (all, sep: string, name: string, value: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      /* keep raw */
    }
    return isSecretName(decoded, extra) && value !== '' ? `${sep}${name}=${REDACTED}` : all;
  });
}

/** Deep copy of any value with every string scrubbed of `secrets`. */
export function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** A copy of the exchange safe to print: secret headers, query values and cookies redacted everywhere. */
export function redact(exchange: Exchange, extra: readonly string[] = []): Exchange {
  const secrets = secretValues(exchange, extra);
  const c = exchange.case;
  const cleaned: Exchange = {
    ...exchange,
    case: {
      ...c,
      headers: redactHeaders(c.headers, extra) as Record<string, string>,
      cookies: Object.fromEntries(Object.keys(c.cookies).map((k) => [k, REDACTED])),
      query: redactUrl(`?${c.query}`, extra).slice(1),
      ...(c.body !== undefined ? { body: redactJson(c.body) } : {}),
      ...(c.bodyText !== undefined ? { bodyText: redactBody(c.bodyText) } : {}),
    },
    request: {
      ...exchange.request,
      url: redactUrl(exchange.request.url, extra),
      headers: redactHeaders(exchange.request.headers, extra) as Record<string, string>,
      ...(exchange.request.body !== undefined ? { body: redactBody(exchange.request.body) } : {}),
    },
  };
  if (exchange.response)
    cleaned.response = {
      ...exchange.response,
      headers: redactHeaders(exchange.response.headers, extra),
      body: redactBody(exchange.response.body),
    };
  return scrubDeep(cleaned, secrets);
}

/** Every secret value sent in any exchange of the result's findings. */
function resultSecrets(findings: ReadonlyArray<{ exchange?: Exchange }>, extra: readonly string[]): string[] {
  const all = new Set<string>();
  for (const f of findings) if (f.exchange) secretValues(f.exchange, extra).forEach((s) => all.add(s));
  return [...all].sort((a, b) => b.length - a.length);
}

/** A copy of a result (or any value holding findings) with each finding's exchange redacted and all its text scrubbed. */
export function redactFindings<F extends { exchange?: Exchange }>(findings: F[], extra: readonly string[] = []): F[] {
  const secrets = resultSecrets(findings, extra);
  return findings.map((f) => scrubDeep(f.exchange ? { ...f, exchange: redact(f.exchange, extra) } : f, secrets));
}
