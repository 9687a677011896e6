/** The documented request body schema of an operation, for re-checking what a case actually sent. */
import type { Case, Exchange, Json, JsonObject, Operation } from '../types.ts';
import type { CheckContext } from './check.ts';
import { requestJson } from './body-json.ts';
import { isJsonMediaType, isXmlMediaType, matchMediaType, parseMediaType } from './media-type.ts';
import { xmlToJsonAt } from '../validate/xml.ts';
import { resolveObject } from './pointer.ts';
import { isObject } from '../json/is-object.ts';

/** Pointer of the request body schema for the case's media type, or undefined when none is documented. */
export function requestBodySchema(ctx: CheckContext, c: Case): string | undefined {
  let byType = bodySchemas.get(ctx.operation);
  if (!byType) bodySchemas.set(ctx.operation, (byType = new Map()));
  const key = c.mediaType ?? '';
  if (!byType.has(key)) byType.set(key, lookupBodySchema(ctx, c));
  return byType.get(key);
}

// Asked of every exchange with a body, answered once per (operation, media type).
const bodySchemas = new WeakMap<Operation, Map<string, string | undefined>>();

function lookupBodySchema(ctx: CheckContext, c: Case): string | undefined {
  const body = resolveObject(ctx.spec, ctx.operation.pointer, ['requestBody']);
  if (!body || !isObject(body.value.content)) return undefined;
  const keys = Object.keys(body.value.content);
  const key = c.mediaType ? matchMediaType(c.mediaType, keys) : keys.length === 1 ? keys[0] : undefined;
  if (!key) return undefined;
  return resolveObject(ctx.spec, body.pointer, ['content', key, 'schema'])?.pointer;
}

/** The pointer a violation location (`body.x`, `query.limit`, `header.X-Id`) is about: its parameter or the request body. */
export function violationPointer(ctx: CheckContext, location: string): string {
  const [where, ...rest] = location.split('.');
  const name = rest.join('.');
  const param = ctx.operation.parameters.find((p) => p.in === where && p.name.toLowerCase() === name.toLowerCase());
  if (param) return param.pointer;
  const body = resolveObject(ctx.spec, ctx.operation.pointer, ['requestBody']);
  return where === 'body' && body ? body.pointer : ctx.operation.pointer;
}

/** A location with array indices replaced by `*` (`body.messages[3].role` → `body.messages[*].role`). */
export function stableLocation(location: string): string {
  return location.replace(/\[\d+\]/g, '[*]').replace(/([./])\d+(?=[./]|$)/g, '$1*');
}

// Several checks ask for the same exchange's body: an XML body is read once.
const xmlRead = new WeakMap<object, ReturnType<typeof xmlToJsonAt>>();

/**
 * The body as the server received it: the JSON bytes sent, or the XML bytes read by the XML Object rules, else
 * the logical body. Undefined when the bytes do not parse at all: certainly invalid.
 */
export function sentBody(exchange: Exchange, ctx: CheckContext): { value: unknown } | undefined {
  const c = exchange.case;
  const text = exchange.request.body ?? c.bodyText;
  if (text !== undefined && isJsonMediaType(c.mediaType)) return requestJson(exchange, text);
  if (text !== undefined && isXmlMediaType(c.mediaType)) {
    const pointer = requestBodySchema(ctx, c);
    let read = xmlRead.get(exchange.request);
    if (!read && pointer !== undefined) xmlRead.set(exchange.request, (read = xmlToJsonAt(ctx.spec, pointer, text)));
    if (read) return 'error' in read ? undefined : { value: read.value };
  }
  return c.body === undefined ? undefined : { value: c.body };
}

/** Schema errors of the body a case sent (undefined when there is no body or no documented schema to judge it). */
export function sentBodyErrors(ctx: CheckContext, exchange: Exchange): number | undefined {
  const pointer = requestBodySchema(ctx, exchange.case);
  if (pointer === undefined || (exchange.request.body ?? exchange.case.bodyText) === undefined) return undefined;
  const sent = sentBody(exchange, ctx);
  return sent ? ctx.validator.validate(pointer, sent.value, 'request').length : 1;
}

/**
 * The first top-level field of a form or multipart body that its bytes cannot carry: `null` (an empty part or
 * field, which a server may read as `""`) and empty arrays or objects (no field at all, so a required property
 * vanishes). The logical body validated, but what the server received may not: undefined when nothing is lost.
 */
export function formFieldLost(c: Case): string | undefined {
  const media = parseMediaType(c.mediaType)?.essence;
  if (media !== 'application/x-www-form-urlencoded' && media !== 'multipart/form-data') return undefined;
  if (!isObject(c.body as Json)) return undefined;
  return Object.entries(c.body as JsonObject).find(
    ([, v]) => v === null || (typeof v === 'object' && Object.keys(v).length === 0),
  )?.[0];
}
