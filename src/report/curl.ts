/**
 * A copy-paste curl command for an exchange's request. Words are single-quoted (shell-safe); each credential
 * becomes the environment variable it came from (`${SPECGATE_API_KEY}`, `${SPECGATE_AUTH_<SCHEME>}`,
 * `${SPECGATE_TOKEN}`, `curl -u "${SPECGATE_USERNAME}:${SPECGATE_PASSWORD}"`; a `-H` header's value
 * `${SPECGATE_HEADER_<NAME>}`), so a repro never carries one and replays as printed with those variables set.
 */
import { envWord, isDistinctive, SecretBook } from '../credentials/index.ts';
import type { Exchange } from '../types.ts';

/** A shell word made of literal text and environment-variable references. */
type Word = Array<string | { env: string }>;

/** Single-quotes a literal word; double-quotes (escaping `\ " $ \``) when it references a variable. */
export function shellQuote(word: Word): string {
  if (word.every((p) => typeof p === 'string')) return `'${word.join('').replace(/'/g, `'\\''`)}'`;
  const body = word
    .map((p) => (typeof p === 'string' ? p.replace(/[\\"$`]/g, (c) => `\\${c}`) : `\${${p.env}}`))
    .join('');
  return `"${body}"`;
}

/** The variable a value comes from, or `fallback` (named after where it sits) when the book does not know it. */
function variable(value: string, book: SecretBook, fallback: string): { env: string } {
  const source = book.sourceOf(value);
  return source && 'env' in source ? source : { env: fallback };
}

/** Free text with each distinctive known secret in it turned into its variable. */
function freeText(text: string, book: SecretBook): Word {
  let word: Word = [text];
  const inside = book.all().filter((s) => isDistinctive(s) && text.includes(s));
  for (const s of inside.sort((a, b) => b.length - a.length)) {
    word = word.flatMap((p) =>
      typeof p !== 'string' || !p.includes(s)
        ? [p]
        : p.split(s).flatMap((piece, i) => (i === 0 ? [piece] : [variable(s, book, 'SPECGATE_SECRET'), piece])),
    );
  }
  return word.filter((p) => p !== '');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function urlWord(url: string, book: SecretBook): Word {
  const q = url.indexOf('?');
  if (q < 0) return freeText(url, book);
  const hash = url.indexOf('#', q);
  const end = hash < 0 ? url.length : hash;
  const pairs = url
    .slice(q + 1, end)
    .split('&')
    .map((pair, i): Word => {
      const sep = i === 0 ? '' : '&';
      const eq = pair.indexOf('=');
      const name = decode(pair.slice(0, eq));
      const value = decode(pair.slice(eq + 1));
      if (eq < 0 || value === '' || !(book.isCredentialName(name) || book.knows(value)))
        return [sep, ...freeText(pair, book)];
      return [`${sep}${pair.slice(0, eq + 1)}`, variable(value, book, `SPECGATE_QUERY_${envWord(name)}`)];
    });
  return [...freeText(url.slice(0, q + 1), book), ...pairs.flat(), ...freeText(url.slice(end), book)];
}

const SCHEME_VALUE = /^([A-Za-z][\w-]*)(\s+)(\S+)$/;

function headerWord(name: string, value: string, book: SecretBook): Word {
  const lower = name.toLowerCase();
  if (lower === 'cookie') {
    const pairs = value.split(/;\s*/).map((pair, i): Word => {
      const eq = pair.indexOf('=');
      const sep = i === 0 ? '' : '; ';
      if (eq < 0) return [sep, pair];
      const env = variable(pair.slice(eq + 1), book, `SPECGATE_COOKIE_${envWord(pair.slice(0, eq))}`);
      return [`${sep}${pair.slice(0, eq + 1)}`, env];
    });
    return [`${name}: `, ...pairs.flat()];
  }
  if (!book.isCredentialName(name) || value === '') return [`${name}: `, ...freeText(value, book)];
  const m = SCHEME_VALUE.exec(value);
  const fallback = `SPECGATE_HEADER_${envWord(name)}`;
  if (m && !book.knows(value)) return [`${name}: ${m[1]}${m[2]}`, variable(m[3]!, book, fallback)];
  return [`${name}: `, variable(value, book, fallback)];
}

/** `curl -u` for an Authorization header carrying http basic credentials the book knows the variables of. */
function basicUser(name: string, value: string, book: SecretBook): Word | undefined {
  const m = SCHEME_VALUE.exec(value);
  if (name.toLowerCase() !== 'authorization' || m?.[1]?.toLowerCase() !== 'basic') return undefined;
  const source = book.sourceOf(m[3]!);
  if (!source || !('basic' in source)) return undefined;
  return source.basic.flatMap((env, i) => (i === 0 ? [{ env }] : [':', { env }]));
}

const SKIP = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'transfer-encoding']);

/** The curl command that sends this exchange's request again, credentials as `${SPECGATE_*}` variables. */
export function toCurl(exchange: Exchange, book: SecretBook = new SecretBook()): string {
  const { method, url, headers, body } = exchange.request;
  const m = method.toUpperCase();
  const args: string[] = [
    'curl',
    m === 'HEAD' ? '--head' : m === 'GET' ? '' : `-X ${m}`,
    shellQuote(urlWord(url, book)),
  ].filter(Boolean);
  const lines = [args.join(' ')];
  for (const [k, v] of Object.entries(headers)) {
    if (SKIP.has(k.toLowerCase())) continue;
    const user = basicUser(k, v, book);
    lines.push(user ? `-u ${shellQuote(user)}` : `-H ${shellQuote(headerWord(k, v, book))}`);
  }
  if (body !== undefined && body !== '') lines.push(`--data-raw ${shellQuote(freeText(body, book))}`);
  return lines.join(' \\\n  ');
}
