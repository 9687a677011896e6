/**
 * `content_type_conformance`: the response's Content-Type is one the spec documents for its status.
 * Parameters (`charset`) and case are ignored; `*\/*`, `application/*` and `application/*+json` match only
 * when the spec writes them.
 */
import type { ExchangeCheck } from './check.ts';
import { makeFinding } from './finding.ts';
import { isEventStream, matchMediaType, parseMediaType } from './media-type.ts';
import { documentedContent, findResponse, hasNoBody, responseHeader } from './responses.ts';
import { asksForStream } from './stream-request.ts';

const check: ExchangeCheck = {
  kind: 'exchange',
  id: 'content_type_conformance',
  description: 'The response Content-Type is one of the media types documented for its status.',
  defaultSeverity: 'error',
  applies(exchange, ctx) {
    if (!exchange.response) return 'no response';
    if (hasNoBody(exchange)) return 'response has no body';
    const doc = findResponse(ctx.spec, ctx.operation, exchange.response.status);
    if (!doc) return `status ${exchange.response.status} is not documented`;
    if (Object.keys(documentedContent(ctx.spec, doc)).length === 0) return `no content documented for ${doc.key}`;
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const doc = findResponse(ctx.spec, ctx.operation, exchange.response!.status)!;
    const keys = Object.keys(documentedContent(ctx.spec, doc));
    const actual = responseHeader(exchange, 'content-type');
    const pointer = `${doc.pointer}/content`;
    if (!actual) {
      return [
        makeFinding(check.id, exchange, ctx, {
          cause: 'content-type missing',
          pointer,
          message: `Received: no Content-Type header\nDocumented: ${keys.join(', ')}`,
        }),
      ];
    }
    if (matchMediaType(actual, keys)) return [];
    const essence = parseMediaType(actual)?.essence ?? actual;
    // Streams switched on by a documented `stream: true` flag are commonly described only in prose: warn.
    const prose = isEventStream(actual) && asksForStream(exchange);
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: `content-type ${essence}`,
        pointer,
        severity: prose ? 'warn' : undefined,
        message:
          `Received: ${actual}\nDocumented: ${keys.join(', ')} for ${doc.key}` +
          (prose ? '\n(the request asked for stream: true; the spec documents no text/event-stream response)' : ''),
      }),
    ];
  },
};

export default check;
