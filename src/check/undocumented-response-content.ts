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
import { isObject } from '../json/is-object.ts';
import { bodySchema, bodiless } from './response-body.ts';
import { findResponse, responseHeader, type DocumentedResponse } from './responses.ts';
import { stablePath } from './finding.ts';
import { isStandardHeader } from './standard-headers.ts';

function properties(exchange: Exchange, ctx: CheckContext): Finding[] {
  const s = bodySchema(exchange, ctx);
  if (typeof s === 'string') return [];
  const parsed = responseValue(exchange, s, ctx.spec);
  if (!parsed || 'error' in parsed) return [];
  const paths = new Map(undocumentedProperties(ctx.spec, s.schemaPointer, parsed.value).map((p) => [stablePath(p), p]));
  return [...paths].map(([stable, path]) =>
    makeFinding(check.id, exchange, ctx, {
      cause: `body${stable} undocumented`,
      pointer: s.schemaPointer,
      instancePath: path,
      message: `Received: property ${path} (not declared)\nDocumented: the schema for ${s.response.key} ${s.mediaKey} declares no such property (extra properties allowed)`,
    }),
  );
}

function headers(exchange: Exchange, ctx: CheckContext, doc: DocumentedResponse): Finding[] {
  const documented = new Set(
    isObject(doc.object.headers) ? Object.keys(doc.object.headers).map((h) => h.toLowerCase()) : [],
  );
  return Object.keys(exchange.response!.headers)
    .map((h) => h.toLowerCase())
    .filter((h) => !documented.has(h) && !isStandardHeader(h))
    .map((h) =>
      makeFinding(check.id, exchange, ctx, {
        cause: `header ${h} undocumented`,
        pointer: doc.pointer,
        message: `Received: ${h}: ${clip(responseHeader(exchange, h) ?? '', 80)}\nDocumented: no ${h} header for ${doc.key}`,
      }),
    );
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
