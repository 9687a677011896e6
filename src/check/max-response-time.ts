/**
 * `max_response_time`: a response arrives within the configured limit. For `text/event-stream` the time to
 * the first byte is judged, since a stream legitimately stays open for as long as it produces events.
 */
import type { ExchangeCheck } from './check.ts';
import { makeFinding } from './finding.ts';
import { isEventStream } from './media-type.ts';
import { responseHeader } from './responses.ts';

const check: ExchangeCheck = {
  kind: 'exchange',
  id: 'max_response_time',
  description: 'Responses arrive within the configured time limit (time to first byte for streams).',
  defaultSeverity: 'warn',
  applies(exchange, ctx) {
    if (!exchange.response) return 'no response';
    if (!(ctx.maxResponseTimeMs > 0 && Number.isFinite(ctx.maxResponseTimeMs))) return 'no time limit configured';
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const stream = isEventStream(responseHeader(exchange, 'content-type'));
    const took = stream ? exchange.response!.timeToFirstByteMs : exchange.durationMs;
    if (took <= ctx.maxResponseTimeMs) return [];
    const what = stream ? 'first byte of the stream' : 'response';
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: `slower than ${ctx.maxResponseTimeMs} ms`,
        message: `Received: ${what} after ${Math.round(took)} ms\nDocumented: at most ${ctx.maxResponseTimeMs} ms (--max-response-time)`,
      }),
    ];
  },
};

export default check;
