/**
 * Bodies parsed once per exchange: several checks read the same response (and request) body, and parsing it
 * again per check was a measurable share of a run. Parsed values are shared, so readers never mutate them.
 */
import type { Exchange, Spec } from '../types.ts';
import { xmlToJsonAt } from '../validate/xml.ts';
import type { BodySchema } from './response-body.ts';

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

const decoded = new WeakMap<object, { value: unknown } | { error: string }>();

/**
 * The response body read as its documented format: JSON parsed, or XML read into the value its schema describes
 * (OpenAPI XML Object rules, `src/validate/xml.ts`); `error` says why it could not be read.
 */
export function responseValue(
  exchange: Exchange,
  s: Pick<BodySchema, 'format' | 'schemaPointer'>,
  spec: Spec,
): { value: unknown } | { error: string } | undefined {
  const r = exchange.response;
  if (!r) return undefined;
  if (s.format === 'json') return responseJson(exchange) ?? { error: 'not JSON' };
  let out = decoded.get(r);
  if (!out) decoded.set(r, (out = xmlToJsonAt(spec, s.schemaPointer, r.body)));
  return 'error' in out ? { error: `not well-formed XML: ${out.error}` } : { value: out.value };
}

/** `text` (the request body of `exchange`) parsed as JSON, or undefined when it is not JSON. */
export function requestJson(exchange: Exchange, text: string): { value: unknown } | undefined {
  return text === exchange.request.body ? parseOnce(exchange.request, text) : parseOnce(exchange.case, text);
}
