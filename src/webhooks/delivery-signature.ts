/**
 * Signatures of deliveries in a plain run: the webhook's signature header (a header parameter named like
 * `*signature*`) is checked with HMAC-SHA256 against every secret the run saw in an accepted answer (a field
 * named `secret`, `webhook_secret` or `signing_secret`: a rotation mid-run leaves several). Without a secret
 * seen, only the header's presence and schema are judged (by `validate-delivery.ts`).
 */
import type { Operation } from '../types.ts';
import type { Delivery } from './receiver.ts';
import { signatureProblem } from './signature.ts';

const SECRET_FIELD = /^(webhook_|signing_)?secret$/i;
/**
 * A plain run verifies the HMAC only, not the timestamp's freshness: the harness's clock is not the target's
 * (a target with a fixed or skewed clock signed correctly is not drift). Freshness against the target's own
 * window is the webhook suites' `webhook_signature` check.
 */
const TOLERANCE_S = Number.POSITIVE_INFINITY;

/** Secrets named in a JSON body (top level and one level down). */
export function secretsIn(body: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const out: string[] = [];
  const look = (o: unknown, depth: number): void => {
    if (typeof o !== 'object' || o === null || depth > 1) return;
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && SECRET_FIELD.test(k) && v.length >= 8) out.push(v);
      else look(v, depth + 1);
    }
  };
  look(value, 0);
  return out;
}

/** Why the delivery's signature verifies with none of `secrets`, or undefined (also when it cannot be judged). */
export function deliverySignatureProblem(
  webhook: Operation | undefined,
  d: Delivery,
  secrets: readonly string[],
  nowSeconds: number,
): string | undefined {
  const header = webhook?.parameters.find((p) => p.in === 'header' && /signature/i.test(p.name));
  if (!header || secrets.length === 0) return undefined;
  const value = d.headers[header.name.toLowerCase()];
  if (value === undefined) return undefined; // a missing required header is judged with the others
  const scheme = /(^|,)\s*t=\d+/.test(value) ? 't-v1' : 'hex';
  const problems = secrets.map((secret) =>
    signatureProblem(value, d.body, { scheme, secret, toleranceSeconds: TOLERANCE_S, nowSeconds }),
  );
  return problems.includes(undefined) ? undefined : `${header.name}: ${problems[0]}`;
}
