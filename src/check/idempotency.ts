/**
 * `idempotency`: requests that carry the same `Idempotency-Key` — replayed with the same body they must
 * return the same resource (2xx, same id); with a different body they must be rejected (4xx, typically 409
 * or 422). Judged on a sequence; 429 and 5xx answers give no verdict (retrying them is what the key is for).
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/
 */
import type { Exchange } from '../types.ts';
import type { SequenceCheck } from './check.ts';
import { createdId } from './ensure-resource-availability.ts';
import { makeFinding } from './finding.ts';

function keyOf(e: Exchange): string | undefined {
  const name = Object.keys(e.request.headers).find((h) => h.toLowerCase() === 'idempotency-key');
  return name ? e.request.headers[name] : undefined;
}

/** Bodies compared as JSON values when they parse (key order must not matter), else as text. */
function sameBody(a: string | undefined, b: string | undefined): boolean {
  const canon = (t: string | undefined) => {
    try {
      return JSON.stringify(sortKeys(JSON.parse(t ?? '')));
    } catch {
      return t ?? '';
    }
  };
  return canon(a) === canon(b);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
  );
}

const ok = (s: number | undefined) => s !== undefined && s >= 200 && s <= 299;
const verdictless = (s: number | undefined) => s === undefined || s === 429 || s >= 500;

const check: SequenceCheck = {
  kind: 'sequence',
  id: 'idempotency',
  description:
    'The same Idempotency-Key with the same body returns the same resource; with a different body it is rejected (4xx).',
  defaultSeverity: 'error',
  runSequence(exchanges, ctx) {
    const findings = [];
    const first = new Map<string, Exchange>();
    for (const e of exchanges) {
      const key = keyOf(e);
      const s = e.response?.status;
      if (key === undefined || verdictless(s)) continue;
      const group = `${e.case.operation}\u0000${key}`;
      const original = first.get(group);
      if (!original) {
        if (ok(s)) first.set(group, e);
        continue;
      }
      const op = ctx.spec.operations.find((o) => o.key === e.case.operation) ?? ctx.operation;
      const c = { ...ctx, operation: op };
      const [id0, id1] = [createdId(original), createdId(e)];
      if (sameBody(original.request.body, e.request.body)) {
        if (!ok(s))
          findings.push(
            makeFinding(check.id, e, c, {
              cause: 'replay rejected',
              message: `Received: ${s} for a replay with the same Idempotency-Key and body\nExpected: 2xx with the resource created first (id ${id0 ?? '?'})`,
            }),
          );
        else if (id0 !== undefined && id1 !== undefined && id0 !== id1)
          findings.push(
            makeFinding(check.id, e, c, {
              cause: 'replay created a second resource',
              message: `Received: ${s} with id ${id1} for a replay with the same Idempotency-Key and body\nExpected: the resource created first, id ${id0}`,
            }),
          );
      } else if (ok(s)) {
        findings.push(
          makeFinding(check.id, e, c, {
            cause: 'key reused with a different body accepted',
            message: `Received: ${s}${id1 ? ` (id ${id1})` : ''} for the same Idempotency-Key with a different body\nExpected: 4xx (409 or 422): the key was already used for another request`,
          }),
        );
      }
    }
    return findings;
  },
};

export default check;
