/**
 * Media-type parsing and matching, RFC 9110 style: parameters stripped, case-insensitive, wildcards
 * (`*\/*`, `application/*`, `application/*+json`) honoured only when the spec writes them.
 * @see https://spec.openapis.org/oas/v3.1.0#media-types
 */

/** A media type reduced to what matching needs: lower-cased `type/subtype`, without parameters. */
export interface MediaType {
  essence: string;
  type: string;
  subtype: string;
  /** Structured-syntax suffix, e.g. `json` for `application/problem+json`. */
  suffix?: string;
}

/** Parses a Content-Type value or a Media Type Object key; undefined when it is not `type/subtype`. */
export function parseMediaType(value: string | undefined): MediaType | undefined {
  if (!value) return undefined;
  const essence = value.split(';')[0]!.trim().toLowerCase();
  const slash = essence.indexOf('/');
  if (slash <= 0 || slash === essence.length - 1) return undefined;
  const type = essence.slice(0, slash);
  const subtype = essence.slice(slash + 1);
  const plus = subtype.lastIndexOf('+');
  return plus > 0 ? { essence, type, subtype, suffix: subtype.slice(plus + 1) } : { essence, type, subtype };
}

/** How specific a documented key is (higher wins): exact 3, `*+json` 2, `type/*` 1, `*\/*` 0, no match -1. */
function specificity(actual: MediaType, documented: MediaType): number {
  if (documented.essence === actual.essence) return 3;
  if (documented.type !== '*' && documented.type !== actual.type) return -1;
  if (documented.subtype.startsWith('*+')) return actual.suffix === documented.subtype.slice(2) ? 2 : -1;
  if (documented.subtype === '*') return documented.type === '*' ? 0 : 1;
  return -1;
}

/**
 * The documented media-type key that `actual` falls under, most specific first (`application/json` before
 * `application/*` before `*\/*`), or undefined. `application/problem+json` does not match `application/json`.
 */
export function matchMediaType(actual: string, documentedKeys: string[]): string | undefined {
  const parsed = parseMediaType(actual);
  if (!parsed) return undefined;
  let best: { key: string; score: number } | undefined;
  for (const key of documentedKeys) {
    const doc = parseMediaType(key);
    const score = doc ? specificity(parsed, doc) : -1;
    if (score >= 0 && (!best || score > best.score)) best = { key, score };
  }
  return best?.key;
}

/** True for JSON media types: `application/json`, any `+json` suffix, and `*\/json`. */
export function isJsonMediaType(value: string | undefined): boolean {
  const m = parseMediaType(value);
  return !!m && (m.subtype === 'json' || m.suffix === 'json');
}

/** True for XML media types: `application/xml`, `text/xml` and any `+xml` suffix. */
export function isXmlMediaType(value: string | undefined): boolean {
  const m = parseMediaType(value);
  return !!m && (m.subtype === 'xml' || m.suffix === 'xml');
}

/** True for `text/event-stream`. */
export function isEventStream(value: string | undefined): boolean {
  return parseMediaType(value)?.essence === 'text/event-stream';
}
