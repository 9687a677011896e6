/**
 * `undocumented_response_content` (warn): what the response carries that the spec never mentions though it
 * does not forbid it: properties the schema allows but does not declare, custom headers, a body where no
 * content is documented, and statuses covered only by `default`. Drift the docs should catch up with.
 */
import type { Exchange, Finding } from '../types.ts';
import type { ExchangeCheck, CheckContext } from './check.ts';
import { makeFinding, clip } from './finding.ts';
import { responseValue } from './body-json.ts';
import { undocumentedProperties } from './documented-properties.ts';
import { isObject } from './pointer.ts';
import { bodySchema, bodiless } from './response-body.ts';
import { findResponse, responseHeader, type DocumentedResponse } from './responses.ts';
import { stablePath } from './finding.ts';
import { isStandardHeader } from './standard-headers.ts';

/** At most this many instances are named in a message; `details` keeps them all. */
const NAMED = 5;

/** `a, b, c (+4 more)`: a readable list of the instances of one cause. */
function named(items: readonly string[]): string {
  const shown = items.slice(0, NAMED).join(', ');
  return items.length > NAMED ? `${shown} (+${items.length - NAMED} more)` : shown;
}

// One finding per response, not per property: a server (or a mock) that adds random properties is one cause.
function properties(exchange: Exchange, ctx: CheckContext): Finding[] {
  const s = bodySchema(exchange, ctx);
  if (typeof s === 'string') return [];
  const parsed = responseValue(exchange, s, ctx.spec);
  if (!parsed || 'error' in parsed) return [];
  const paths = [...new Set(undocumentedProperties(ctx.spec, s.schemaPointer, parsed.value).map(stablePath))];
  if (paths.length === 0) return [];
  return [
    makeFinding(check.id, exchange, ctx, {
      cause: `${s.response.key} ${s.mediaKey} body: undeclared properties`,
      pointer: s.schemaPointer,
      details: paths,
      message: `Received: ${paths.length} undeclared propert${paths.length === 1 ? 'y' : 'ies'}: ${named(paths)}\nDocumented: the schema for ${s.response.key} ${s.mediaKey} declares no such property (extra properties allowed)`,
    }),
  ];
}

function headers(exchange: Exchange, ctx: CheckContext, doc: DocumentedResponse): Finding[] {
  const documented = new Set(
    isObject(doc.object.headers) ? Object.keys(doc.object.headers).map((h) => h.toLowerCase()) : [],
  );
  const extra = Object.keys(exchange.response!.headers)
    .map((h) => h.toLowerCase())
    .filter((h) => !documented.has(h) && !isStandardHeader(h));
  if (extra.length === 0) return [];
  const shown = extra.slice(0, NAMED).map((h) => `${h}: ${clip(responseHeader(exchange, h) ?? '', 60)}`);
  return [
    makeFinding(check.id, exchange, ctx, {
      cause: `${doc.key} headers: undocumented`,
      pointer: doc.pointer,
      details: extra,
      message: `Received: ${shown.join('; ')}${extra.length > NAMED ? ` (+${extra.length - NAMED} more)` : ''}\nDocumented: no ${named(extra)} header for ${doc.key}`,
    }),
  ];
}

function body(exchange: Exchange, ctx: CheckContext, doc: DocumentedResponse): Finding[] {
  const r = exchange.response!;
  if (isObject(doc.object.content) || bodiless(exchange) || r.body.trim() === '') return [];
  const type = responseHeader(exchange, 'content-type') ?? 'no Content-Type';
  return [
    makeFinding(check.id, exchange, ctx, {
      cause: 'body undocumented',
      pointer: doc.pointer,
      message: `Received: a ${type} body: ${clip(r.body, 120)}\nDocumented: no content for ${doc.key}`,
    }),
  ];
}

const check: ExchangeCheck = {
  kind: 'exchange',
  id: 'undocumented_response_content',
  description: 'Reports (as warnings) properties, headers, bodies and statuses the spec allows but never mentions.',
  defaultSeverity: 'warn',
  applies(exchange, ctx) {
    if (!exchange.response) return 'no response';
    if (!findResponse(ctx.spec, ctx.operation, exchange.response.status))
      return `status ${exchange.response.status} is not documented`;
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const status = exchange.response!.status;
    const doc = findResponse(ctx.spec, ctx.operation, status)!;
    const out: Finding[] = [];
    if (doc.how === 'default') {
      out.push(
        makeFinding(check.id, exchange, ctx, {
          cause: `status ${status} only under default`,
          pointer: doc.pointer,
          message: `Received: ${status}\nDocumented: only by the default response (no ${status} or ${String(status)[0]}XX entry)`,
        }),
      );
    }
    return out.concat(body(exchange, ctx, doc), headers(exchange, ctx, doc), properties(exchange, ctx));
  },
};

export default check;
