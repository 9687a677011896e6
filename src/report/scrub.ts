/**
 * Last line of defence for secrets: every string in the result is scrubbed of the run's secret values before
 * any reporter sees it, whatever the reporter's own redaction does.
 */

/** Replacement text for a scrubbed secret. */
export const REDACTED = '[REDACTED]';

/** A deep copy of `value` with every occurrence of each secret replaced (secrets longest first). */
export function scrubSecrets<T>(value: T, secrets: string[]): T {
  if (secrets.length === 0) return value;
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  const clean = (s: string): string => {
    let out = s;
    for (const secret of sorted) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}
