/**
 * A copy-paste curl command for an exchange's request. Words are single-quoted (shell-safe); secrets become
 * environment placeholders (`-H "Authorization: Bearer $SPECGATE_TOKEN"`), so a repro never carries one.
 */
import type { Exchange } from '../types.ts';
import { isSecretName, secretValues } from './redact.ts';

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

/** `$SPECGATE_<NAME>` placeholder name for a secret header or parameter (`Authorization` → `SPECGATE_TOKEN`). */
export function placeholder(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') return 'SPECGATE_TOKEN';
  return `SPECGATE_${name
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase()}`;
}

/** Splits `text` around each secret, turning the secret into a variable reference. */
function withPlaceholders(text: string, secrets: Array<{ value: string; env: string }>): Word {
  let word: Word = [text];
  for (const s of secrets) {
    word = word.flatMap((p) => {
      if (typeof p !== 'string' || !p.includes(s.value)) return [p];
      const pieces = p.split(s.value);
      return pieces.flatMap((piece, i) => (i === 0 ? [piece] : [{ env: s.env }, piece]));
    });
  }
  return word.filter((p) => p !== '');
}

function secretMap(exchange: Exchange, extra: readonly string[]): Array<{ value: string; env: string }> {
  const out: Array<{ value: string; env: string }> = [];
  for (const [k, v] of Object.entries(exchange.request.headers)) {
    if (!isSecretName(k, extra)) continue;
    const m = /^\s*([A-Za-z][\w-]*)\s+(\S.*)$/.exec(v);
    out.push({ value: m && /^(bearer|basic|token|digest)$/i.test(m[1]!) ? m[2]! : v, env: placeholder(k) });
  }
  const url = new URL(exchange.request.url, 'http://placeholder.invalid');
  url.searchParams.forEach((v, k) => {
    if (isSecretName(k, extra) && v)
      out.push(
        { value: encodeURIComponent(v) === v ? v : encodeURIComponent(v), env: placeholder(k) },
        { value: v, env: placeholder(k) },
      );
  });
  // Any other secret the exchange carried (a cookie, say) that is echoed in the URL or body.
  for (const v of secretValues(exchange, extra))
    if (!out.some((s) => v.includes(s.value))) out.push({ value: v, env: 'SPECGATE_SECRET' });
  return out.sort((a, b) => b.value.length - a.value.length);
}

const SKIP = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'transfer-encoding']);

/** The curl command that sends this exchange's request again, secrets as `$SPECGATE_*` placeholders. */
export function toCurl(exchange: Exchange, extra: readonly string[] = []): string {
  const { method, url, headers, body } = exchange.request;
  const secrets = secretMap(exchange, extra);
  const m = method.toUpperCase();
  const args: string[] = [
    'curl',
    m === 'HEAD' ? '--head' : m === 'GET' ? '' : `-X ${m}`,
    shellQuote(withPlaceholders(url, secrets)),
  ].filter(Boolean);
  const lines = [args.join(' ')];
  for (const [k, v] of Object.entries(headers)) {
    if (SKIP.has(k.toLowerCase())) continue;
    lines.push(`-H ${shellQuote(withPlaceholders(`${k}: ${v}`, secrets))}`);
  }
  if (body !== undefined && body !== '') lines.push(`--data-raw ${shellQuote(withPlaceholders(body, secrets))}`);
  return lines.join(' \\\n  ');
}
