/**
 * The rate-limit burst: where an operation documents a 429 or rate-limit headers, copies of one accepted valid
 * case go out back to back until the limit answers, so the 429 itself (status, headers, `Retry-After`, body) is
 * judged by the response checks like any other answer. A few generated cases never reach a limit per window.
 * Pure: this module decides whether and how many; the engine sends them past the back-off.
 */
import type { Case, Exchange, Operation, Spec, StatusPolicy } from '../types.ts';
import { isObject, resolveObject } from './pointer.ts';
import { documentedStatuses } from './responses.ts';

/** The most requests one burst sends, whatever the headers say. */
export const BURST_CAP = 60;

// Retry-After alone is no rate limit: on a 503 it documents maintenance or overload, which no burst reaches.
const RATE_HEADER = /^(x-)?rate-?limit/i;
const VALID = new Set<Case['kind']>(['example', 'positive', 'boundary']);

/** True when the operation documents a 429, or a rate-limit header (`X-RateLimit-*`, `RateLimit*`) on any response. */
export function documentsRateLimit(spec: Spec, operation: Operation): boolean {
  return documentedStatuses(spec, operation).some((key) => {
    if (key === '429') return true;
    const headers = resolveObject(spec, operation.pointer, ['responses', key])?.value.headers;
    return isObject(headers) && Object.keys(headers).some((name) => RATE_HEADER.test(name));
  });
}

/** The smallest number a rate-limit header of `exchange` states for `what` (e.g. `x-ratelimit-remaining-requests`). */
export function statedLimit(exchange: Exchange, what: 'limit' | 'remaining'): number | undefined {
  const named = new RegExp(`^(x-)?rate-?limit-${what}`, 'i');
  // The structured `RateLimit` field: `limit=100, remaining=50` (draft 7) or `"default";r=50;t=30` (draft 8).
  const field = what === 'limit' ? /\blimit=(\d+)/ : /\b(?:remaining|r)=(\d+)/;
  const found: number[] = [];
  for (const [name, raw] of Object.entries(exchange.response?.headers ?? {})) {
    const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
    const n = named.test(name)
      ? Number(value.trim())
      : /^ratelimit$/i.test(name)
        ? Number(field.exec(value)?.[1])
        : NaN;
    if (Number.isSafeInteger(n) && n >= 0) found.push(n);
  }
  return found.length > 0 ? Math.min(...found) : undefined;
}

/** How many requests reach the limit from `exchange`, or why a burst of at most `cap` cannot. */
export function burstSize(exchange: Exchange, cap: number): { size: number } | { skip: string } {
  const remaining = statedLimit(exchange, 'remaining');
  const limit = statedLimit(exchange, 'limit');
  // Twice what the headers say is needed: other requests may share the window, and the limit may count late.
  const need = remaining !== undefined ? remaining + 1 : limit;
  if (need === undefined) return { size: cap };
  if (need > cap) return { skip: `the headers state ${need} more requests to the limit, beyond a burst of ${cap}` };
  return { size: Math.max(2, Math.min(cap, 2 * need)) };
}

/** The cases of a burst: `size` copies of `seed`, marked `<seed id>/burst/<n>`. */
export function burstCases(seed: Case, size: number): Case[] {
  return Array.from({ length: size }, (_, n) => ({ ...seed, id: `${seed.id}/burst/${n + 1}` }));
}

/** What the burst of one operation is: its cases, or why it sends none. */
export interface BurstDecision {
  cases: Case[];
  /** Why no burst goes out when the operation documents a limit (kept for the coverage, not the notes). */
  why?: string;
}

/**
 * The burst of an operation from its exchanges so far: seeded by the first valid case the server accepted,
 * at most `left` requests (what the run's budget still allows).
 */
export function planBurst(
  exchanges: readonly Exchange[],
  at: { spec: Spec; operation: Operation; policy: StatusPolicy },
  left: number,
): BurstDecision {
  if (!documentsRateLimit(at.spec, at.operation)) return { cases: [] };
  const seed = exchanges.find(
    (e) => VALID.has(e.case.kind) && e.response && at.policy.accepted.includes(e.response.status),
  );
  if (!seed) return { cases: [], why: 'no valid case was accepted to repeat' };
  const size = burstSize(seed, Math.min(BURST_CAP, left));
  if ('skip' in size) return { cases: [], why: size.skip };
  if (size.size < 2) return { cases: [], why: 'the request budget is spent' };
  return { cases: burstCases(seed.case, size.size) };
}
