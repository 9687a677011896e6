/**
 * Webhook signature verification. Two common schemes: `t-v1` (Stripe and AIgateway:
 * `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, with a timestamp tolerance against replays) and
 * `hex` (GitHub-style `sha256=<hex HMAC-SHA256(secret, raw body)>` or the bare hex).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How a signature is carried and checked. */
export interface SignatureOptions {
  scheme: 't-v1' | 'hex';
  secret: string;
  /** Oldest (and furthest in the future) `t` accepted, in seconds; `t-v1` only. */
  toleranceSeconds: number;
  nowSeconds: number;
}

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Why `header` is not a valid signature of `body`, or undefined when it is. */
export function signatureProblem(header: string | undefined, body: string, o: SignatureOptions): string | undefined {
  if (!header) return 'no signature header';
  if (o.scheme === 'hex') {
    const got = header
      .replace(/^sha256=/, '')
      .trim()
      .toLowerCase();
    return sameHex(got, hmac(o.secret, body))
      ? undefined
      : 'HMAC-SHA256 of the body with the webhook secret does not match';
  }
  const parts = new Map<string, string[]>();
  for (const kv of header.split(',')) {
    const eq = kv.indexOf('=');
    if (eq > 0)
      parts.set(kv.slice(0, eq).trim(), [...(parts.get(kv.slice(0, eq).trim()) ?? []), kv.slice(eq + 1).trim()]);
  }
  const t = parts.get('t')?.[0];
  const v1 = parts.get('v1') ?? [];
  if (!t || !/^\d+$/.test(t) || v1.length === 0)
    return `malformed signature header "${header.slice(0, 80)}" (want t=<unix>,v1=<hex>)`;
  const skew = Math.abs(o.nowSeconds - Number(t));
  if (skew > o.toleranceSeconds)
    return `timestamp t=${t} is ${skew} s away from now (tolerance ${o.toleranceSeconds} s)`;
  const want = hmac(o.secret, `${t}.${body}`);
  return v1.some((v) => sameHex(v.toLowerCase(), want))
    ? undefined
    : 'v1 is not HMAC-SHA256(secret, "<t>.<raw body>") with the current webhook secret';
}
