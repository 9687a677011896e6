/**
 * For event streams: events are judged as they arrive and the stream is read no further after the first
 * error-level finding, so a broken or endless stream is not read to the deadline. The judging is a callback
 * the composer builds from the stream checks (send never imports check); the recorded events are judged
 * again, in full, by the check itself.
 */
import type { Exchange, Finding, StreamEvent } from '../../types.ts';
import type { Interceptor } from '../dispatch.ts';
import { isEventStream } from '../sse.ts';

/** Judges one stream event by event; undefined when nothing watches this exchange. */
export type StreamWatch = (exchange: Exchange) => ((event: StreamEvent) => Finding[]) | undefined;

/** Stops reading a stream at its first error-level finding. */
export function streamGuard(watch: StreamWatch): Interceptor {
  return (next) => (c, ctx) =>
    next(c, {
      ...ctx,
      onResponse: (exchange) => {
        if (!isEventStream(exchange.response?.headers['content-type'])) return undefined;
        const judge = watch(exchange);
        return judge && ((event) => (judge(event).some((f) => f.severity === 'error') ? 'stop' : undefined));
      },
    });
}
