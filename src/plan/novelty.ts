/**
 * What counts as news about an operation: a response shape (status, media type and the structure of a JSON
 * body, not its values) not seen before. A new shape usually means a new branch of the server's code (another
 * `oneOf` branch, an error envelope, an empty list), so the operation that produced it earns a larger next round.
 */
import type { Exchange } from '../types.ts';

/** Levels of a JSON body the shape looks into: deeper structure is mostly more of the same. */
const DEPTH = 3;

/** `status media structure`, e.g. `200 application/json {data:[{id:s,n:n}],object:s}`; undefined without a response. */
export function responseShape(exchange: Exchange): string | undefined {
  const r = exchange.response;
  if (!r) return undefined;
  const type = String(r.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (r.events) return `${r.status} ${type} events:${r.events.length > 0 ? 'some' : 'none'}`;
  if (!/json/.test(type) || r.truncated) return `${r.status} ${type}`;
  try {
    return `${r.status} ${type} ${structure(JSON.parse(r.body), DEPTH)}`;
  } catch {
    return `${r.status} ${type} unparsable`;
  }
}

/** The structure of a JSON value: keys (sorted) and types; an array by the structures of its distinct items. */
export function structure(value: unknown, depth: number): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (depth === 0) return '[]';
    const items = [...new Set(value.slice(0, 20).map((v) => structure(v, depth - 1)))].sort();
    return `[${items.join('|')}]`;
  }
  if (typeof value === 'object') {
    if (depth === 0) return '{}';
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${k}:${structure((value as Record<string, unknown>)[k], depth - 1)}`).join(',')}}`;
  }
  return (typeof value)[0]!;
}
