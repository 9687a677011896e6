/**
 * Which documented body schema applies to an exchange: the Response Object for its status, the media type
 * its Content-Type falls under, and that media type's schema. Shared by the body checks so they agree.
 */
import type { Exchange, Operation } from '../types.ts';
import type { CheckContext } from './check.ts';
import { isEventStream, isJsonMediaType, isXmlMediaType, matchMediaType } from './media-type.ts';
import { resolveObject } from './pointer.ts';
import { documentedContent, findResponse, responseHeader, type DocumentedResponse } from './responses.ts';

/** The documented schema for a JSON or XML response body. */
export interface BodySchema {
  response: DocumentedResponse;
  mediaKey: string;
  /** Pointer of the (ref-resolved) Schema Object. */
  schemaPointer: string;
  /** How the body is read into the value the schema judges. */
  format: 'json' | 'xml';
}

/** True when the response cannot have a body by definition (HEAD, 1xx, 204, 304). */
export function bodiless(exchange: Exchange): boolean {
  const status = exchange.response?.status ?? 0;
  return exchange.request.method.toUpperCase() === 'HEAD' || status < 200 || status === 204 || status === 304;
}

/** The media-type key documented for this response's Content-Type (the only key when the header is missing). */
export function documentedMediaKey(exchange: Exchange, keys: string[]): string | undefined {
  const actual = responseHeader(exchange, 'content-type');
  if (actual) return matchMediaType(actual, keys);
  return keys.length === 1 ? keys[0] : undefined;
}

// Past the per-exchange tests, the answer depends only on (operation, status, Content-Type): every body check
// asks it of every exchange, so it is worked out once per combination.
const memo = new WeakMap<Operation, Map<string, BodySchema | string>>();

/** The body schema that applies, or why none does (the reason feeds the coverage report). */
export function bodySchema(exchange: Exchange, ctx: CheckContext): BodySchema | string {
  const r = exchange.response;
  if (!r) return 'no response';
  if (r.truncated) return 'body truncated at the size cap';
  if (bodiless(exchange)) return 'response has no body by definition';
  const contentType = responseHeader(exchange, 'content-type');
  let byKey = memo.get(ctx.operation);
  if (!byKey) memo.set(ctx.operation, (byKey = new Map()));
  const key = contentType === undefined ? String(r.status) : `${r.status} ${contentType}`;
  let out = byKey.get(key);
  if (out === undefined) byKey.set(key, (out = documentedBodySchema(ctx, r.status, contentType)));
  return out;
}

function documentedBodySchema(ctx: CheckContext, status: number, contentType: string | undefined): BodySchema | string {
  const response = findResponse(ctx.spec, ctx.operation, status);
  if (!response) return `status ${status} is not documented`;
  const content = documentedContent(ctx.spec, response);
  const keys = Object.keys(content);
  if (keys.length === 0) return `no content documented for ${response.key}`;
  const mediaKey = contentType ? matchMediaType(contentType, keys) : keys.length === 1 ? keys[0] : undefined;
  if (!mediaKey) return `Content-Type ${contentType ?? '(none)'} is not documented for ${response.key}`;
  const actual = contentType ?? mediaKey;
  if (isEventStream(actual)) return 'text/event-stream bodies are judged by sse_stream_conformance';
  const format =
    isJsonMediaType(actual) || isJsonMediaType(mediaKey)
      ? 'json'
      : isXmlMediaType(actual) || isXmlMediaType(mediaKey)
        ? 'xml'
        : undefined;
  if (!format) return `${mediaKey} bodies are neither JSON nor XML`;
  const schema = resolveObject(ctx.spec, content[mediaKey]!.pointer, ['schema']);
  if (!schema) return `no schema documented for ${response.key} ${mediaKey}`;
  return { response, mediaKey, schemaPointer: schema.pointer, format };
}
