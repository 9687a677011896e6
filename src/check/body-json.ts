/**
 * Bodies parsed once per exchange: several checks read the same response (and request) body as JSON, and
 * parsing it again per check was a measurable share of a run. Parsed values are shared, so readers never mutate them.
 */
import type { Exchange } from '../types.ts';

const parsed = new WeakMap<object, { value: unknown } | null>();

function parseOnce(owner: object, text: string): { value: unknown } | undefined {
  let out = parsed.get(owner);
  if (out === undefined) {
    try {
      out = { value: JSON.parse(text) };
    } catch {
      out = null;
    }
    parsed.set(owner, out);
  }
  return out ?? undefined;
}

/** The response body parsed as JSON, or undefined when there is no response or it is not JSON. */
export function responseJson(exchange: Exchange): { value: unknown } | undefined {
  const r = exchange.response;
  return r ? parseOnce(r, r.body) : undefined;
}

/** `text` (the request body of `exchange`) parsed as JSON, or undefined when it is not JSON. */
export function requestJson(exchange: Exchange, text: string): { value: unknown } | undefined {
  return text === exchange.request.body ? parseOnce(exchange.request, text) : parseOnce(exchange.case, text);
}
