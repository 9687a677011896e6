/**
 * Incremental `text/event-stream` parsing: events are recorded as their bytes arrive (with arrival time),
 * so an endless or very long stream is judged event by event instead of being buffered first.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
 */
import { createParser, type EventSourceParser } from 'eventsource-parser';
import type { StreamEvent } from '../types.ts';

/** Returning `'stop'` from the hook ends the stream early (e.g. a check has seen enough). */
export type StreamEventHook = (event: StreamEvent, index: number) => 'stop' | void;

/** Collects events from text chunks; `stopped` turns true when the hook asked to stop. */
export interface StreamRecorder {
  events: StreamEvent[];
  feed(text: string): void;
  stopped: boolean;
}

/** True when a Content-Type header value is `text/event-stream` (parameters ignored). */
export function isEventStream(contentType: string | string[] | undefined): boolean {
  const value = Array.isArray(contentType) ? contentType[0] : contentType;
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === 'text/event-stream';
}

/** Creates a recorder that timestamps each parsed event relative to `startedAt` (a `performance.now()` value). */
export function createStreamRecorder(startedAt: number, onEvent?: StreamEventHook, maxEvents = 10_000): StreamRecorder {
  const recorder: StreamRecorder = { events: [], stopped: false, feed: () => undefined };
  const parser: EventSourceParser = createParser({
    onEvent(message) {
      if (recorder.stopped) return;
      const event: StreamEvent = { data: message.data, atMs: Math.round(performance.now() - startedAt) };
      if (message.event !== undefined) event.event = message.event;
      if (message.id !== undefined) event.id = message.id;
      recorder.events.push(event);
      if (onEvent?.(event, recorder.events.length - 1) === 'stop' || recorder.events.length >= maxEvents) {
        recorder.stopped = true;
      }
    },
  });
  recorder.feed = (text) => parser.feed(text);
  return recorder;
}
