/**
 * Looking up what the spec documents for one exchange: the Response Object for a status (exact, then
 * `4XX` range, then `default`), its media types and headers.
 * @see https://spec.openapis.org/oas/v3.1.0#responses-object
 */
import type { Exchange, JsonObject, Operation, Spec } from '../types.ts';
import { resolveObject } from './pointer.ts';
import { escapeSegment } from '../json/pointer.ts';
import { isObject } from '../json/is-object.ts';

/** The Response Object that documents a status, with the key that matched and its resolved pointer. */
export interface DocumentedResponse {
  /** The `responses` key that matched: `"200"`, `"2XX"` or `"default"`. */
  key: string;
  how: 'exact' | 'range' | 'default';
  /** Pointer of the (ref-resolved) Response Object in the bundled document. */
  pointer: string;
  object: JsonObject;
}

const statusKeys = new WeakMap<Operation, string[]>();

/** The keys of the operation's `responses` object, as written (`[]` when there is none). Do not mutate. */
export function documentedStatuses(spec: Spec, operation: Operation): string[] {
  let keys = statusKeys.get(operation);
  if (!keys) {
    const responses = resolveObject(spec, operation.pointer, ['responses']);
    statusKeys.set(
      operation,
      (keys = responses ? Object.keys(responses.value).filter((k) => !k.startsWith('x-')) : []),
    );
  }
  return keys;
}

// Every check asks the same question of each exchange: answer it once per (operation, status).
const memo = new WeakMap<Operation, Map<number, DocumentedResponse | undefined>>();

/** The Response Object documenting `status`, or undefined when the status is not documented at all. */
export function findResponse(spec: Spec, operation: Operation, status: number): DocumentedResponse | undefined {
  let byStatus = memo.get(operation);
  if (!byStatus) memo.set(operation, (byStatus = new Map()));
  if (!byStatus.has(status)) byStatus.set(status, lookupResponse(spec, operation, status));
  return byStatus.get(status);
}

function lookupResponse(spec: Spec, operation: Operation, status: number): DocumentedResponse | undefined {
  const keys = documentedStatuses(spec, operation);
  const code = String(status);
  const exact = keys.find((k) => k === code);
  const range = keys.find((k) => k.length === 3 && k[0] === code[0] && k.slice(1).toUpperCase() === 'XX');
  const dflt = keys.find((k) => k === 'default');
  const key = exact ?? range ?? dflt;
  if (key === undefined) return undefined;
  const resolved = resolveObject(spec, operation.pointer, ['responses', key]);
  if (!resolved) return undefined;
  const how = key === exact ? 'exact' : key === range ? 'range' : 'default';
  return { key, how, pointer: resolved.pointer, object: resolved.value };
}

/** Media Type Objects by key, as `documentedContent` returns them. */
export type DocumentedContent = Readonly<Record<string, { pointer: string; object: JsonObject }>>;

const contentOf = new WeakMap<DocumentedResponse, DocumentedContent>();

/** The Media Type Objects of a response's `content`, by key (`{}` when it documents no body). Do not mutate. */
export function documentedContent(spec: Spec, response: DocumentedResponse): DocumentedContent {
  let out = contentOf.get(response);
  if (out) return out;
  const media: Record<string, { pointer: string; object: JsonObject }> = {};
  if (isObject(response.object.content)) {
    for (const key of Object.keys(response.object.content)) {
      const m = resolveObject(spec, response.pointer, ['content', key]);
      if (m) media[key] = { pointer: m.pointer, object: m.value };
    }
  }
  contentOf.set(response, (out = media));
  return out;
}

/** A response header's value, joined when repeated; undefined when absent. Names are matched case-insensitively. */
export function responseHeader(exchange: Exchange, name: string): string | undefined {
  const headers = exchange.response?.headers ?? {};
  const lower = name.toLowerCase();
  // HTTP clients hand over lower-case names: try that first, scan only when it is absent.
  const direct = headers[lower];
  if (direct !== undefined) return Array.isArray(direct) ? direct.join(', ') : direct;
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === lower) return Array.isArray(v) ? v.join(', ') : v;
  }
  return undefined;
}

/** True when the response carries no body by definition or in fact (HEAD, 1xx, 204, 304, or empty text). */
export function hasNoBody(exchange: Exchange): boolean {
  const r = exchange.response;
  if (!r) return true;
  if (exchange.request.method.toUpperCase() === 'HEAD') return true;
  if (r.status < 200 || r.status === 204 || r.status === 304) return true;
  return r.body.trim() === '' && !(r.events && r.events.length > 0);
}

/** Pointer of a child of a resolved node. */
export function child(pointer: string, ...segments: string[]): string {
  return pointer + segments.map((s) => '/' + escapeSegment(s)).join('');
}
