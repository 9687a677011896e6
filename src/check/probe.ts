/** Probe cases: derived from a valid Case by one check, marked in their id so the runner and checks can route them. */
import type { Case, Exchange } from '../types.ts';

const MARK = '/probe/';

/** A copy of `base` marked as `checkId`'s probe (`<case id>/probe/<checkId>`). */
export function probeCase(base: Case, checkId: string, changes: Partial<Case>): Case {
  return {
    ...base,
    headers: { ...base.headers },
    cookies: { ...base.cookies },
    ...changes,
    id: `${base.id}${MARK}${checkId}`,
  };
}

/** The id of the check that made this exchange's case, or undefined for a generated (non-probe) case. */
export function probeOf(exchange: Exchange): string | undefined {
  const at = exchange.case.id.lastIndexOf(MARK);
  return at >= 0 ? exchange.case.id.slice(at + MARK.length) : undefined;
}

/** `headers` without the names in `drop` (case-insensitive). */
export function withoutHeaders(headers: Record<string, string>, drop: string[]): Record<string, string> {
  const lower = new Set(drop.map((d) => d.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !lower.has(k.toLowerCase())));
}

/** An encoded query string without the parameters named in `drop`. */
export function withoutQuery(query: string, drop: string[]): string {
  if (!query || drop.length === 0) return query;
  const names = new Set(drop);
  return query
    .split('&')
    .filter((pair) => {
      const raw = pair.split('=')[0] ?? '';
      let name = raw;
      try {
        name = decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        // keep the raw name
      }
      return !names.has(name);
    })
    .join('&');
}
