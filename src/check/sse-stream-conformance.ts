/**
 * `sse_stream_conformance`: every event of a `text/event-stream` response validates against the media
 * type's `itemSchema` (3.2) or `schema` (3.0/3.1), and the stream ends as described: one `data: [DONE]`,
 * last, when the operation mentions it; a final `usage` chunk when the request set
 * `stream_options.include_usage`. The per-event logic lives in `stream-checker.ts` for the sender.
 */
import { createParser } from 'eventsource-parser';
import type { Exchange, StreamEvent } from '../types.ts';
import type { StreamCheck } from './check.ts';
import { isEventStream } from './media-type.ts';
import { responseHeader } from './responses.ts';
import { createStreamChecker, SSE_CHECK_ID } from './stream-checker.ts';

/** The events of a stream response: as recorded by the sender, else parsed from the body text. */
export function streamEvents(exchange: Exchange): StreamEvent[] {
  const r = exchange.response;
  if (!r) return [];
  if (r.events) return r.events;
  const events: StreamEvent[] = [];
  const parser = createParser({
    onEvent: (m) =>
      events.push({
        ...(m.event !== undefined && { event: m.event }),
        ...(m.id !== undefined && { id: m.id }),
        data: m.data,
        atMs: 0,
      }),
  });
  // A complete body's last event counts even without the closing blank line; a cut one is dropped.
  parser.feed(r.truncated ? r.body : `${r.body}\n\n`);
  return events;
}

const check: StreamCheck = {
  kind: 'stream',
  id: SSE_CHECK_ID,
  description: 'text/event-stream events validate against their schema and the stream terminates as described.',
  defaultSeverity: 'error',
  applies(exchange) {
    if (!exchange.response) return 'no response';
    if (!isEventStream(responseHeader(exchange, 'content-type'))) return 'not a text/event-stream response';
    return undefined;
  },
  // Called by the sender once a stream's status and headers are known: judges events as they arrive.
  watch: (exchange, ctx) => createStreamChecker(exchange, ctx),
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const checker = createStreamChecker(exchange, ctx);
    const findings = streamEvents(exchange).flatMap((e) => checker.event(e));
    const complete = !exchange.response!.truncated && !exchange.error;
    return findings.concat(checker.end(complete));
  },
};

export default check;
