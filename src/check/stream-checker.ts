/**
 * Judges a `text/event-stream` response event by event, so the sender can validate events as they arrive
 * (`createStreamChecker(exchange, ctx)` once the status and headers are known, then `event()` per event and
 * `end()` when the stream closes). Repeats of one cause within a stream are reported once.
 */
import type { Exchange, Finding, StreamEvent } from '../types.ts';
import type { CheckContext } from './check.ts';
import { clip, makeFinding, where } from './finding.ts';
import { describeSchemaErrors } from './schema-message.ts';
import { streamPlan, type StreamPlan } from './stream-plan.ts';

/** The id findings of the stream checker carry. */
export const SSE_CHECK_ID = 'sse_stream_conformance';

/** Incremental judge of one stream. */
export interface StreamChecker {
  plan: StreamPlan;
  /** Findings caused by this event (already deduplicated against earlier events of the stream). */
  event(event: StreamEvent): Finding[];
  /** Findings about the stream as a whole; `complete` is false when it was cut (size cap, timeout). */
  end(complete: boolean): Finding[];
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function isDone(e: StreamEvent): boolean {
  return e.data.trim() === '[DONE]';
}

type Detail = Parameters<typeof makeFinding>[3];

/** What the checker of one stream remembers between events: counts, the last JSON value, causes reported. */
interface Stream {
  exchange: Exchange;
  ctx: CheckContext;
  plan: StreamPlan;
  reported: Set<string>;
  count: number;
  done: number;
  lastJson: unknown;
}

/** A checker for the stream in `exchange` (its `response` must carry the status and headers). */
export function createStreamChecker(exchange: Exchange, ctx: CheckContext): StreamChecker {
  const plan = streamPlan(exchange, ctx);
  const s: Stream = { exchange, ctx, plan, reported: new Set(), count: 0, done: 0, lastJson: undefined };
  return { plan, event: (e) => onEvent(s, e), end: (complete) => onEnd(s, complete) };
}

/** A finding for `d`, unless its cause was already reported in this stream (a broken stream repeats itself). */
function emit(s: Stream, d: Detail): Finding[] {
  if (s.reported.has(d.cause)) return [];
  s.reported.add(d.cause);
  return [makeFinding(SSE_CHECK_ID, s.exchange, s.ctx, d)];
}

function validate(s: Stream, pointer: string, value: unknown, what: string): Finding[] {
  const errors = s.ctx.validator.validate(pointer, value, 'response');
  return describeSchemaErrors(s.ctx, pointer, value, errors, what).flatMap((d) =>
    emit(s, { ...d, message: `${d.message}\n(event ${s.count})` }),
  );
}

function notJson(s: Stream, e: StreamEvent): Finding[] {
  const at = s.plan.schemaPointer!;
  return emit(s, {
    cause: 'event not JSON',
    pointer: s.plan.schemaPointer,
    message: `Received: ${clip(e.data, 200)} (not JSON, event ${s.count})\nDocumented: JSON per #${at} (${where(s.ctx, at)})`,
  });
}

/** Validates one event against the plan: the whole event (`mode: event`), its data as JSON, or its data as text. */
function judge(s: Stream, e: StreamEvent, parsed: { value: unknown } | undefined): Finding[] {
  const { plan } = s;
  if (plan.mode === 'event') {
    const value = {
      ...(e.event !== undefined && { event: e.event }),
      ...(e.id !== undefined && { id: e.id }),
      data: e.data,
    };
    const out = validate(s, plan.schemaPointer!, value, 'event');
    if (!plan.contentSchemaPointer) return out;
    return out.concat(parsed ? validate(s, plan.contentSchemaPointer, parsed.value, 'event/data') : notJson(s, e));
  }
  if (plan.mode === 'none') return [];
  if (!plan.dataAsJson) return validate(s, plan.schemaPointer!, e.data, 'event');
  return parsed ? validate(s, plan.schemaPointer!, parsed.value, 'event') : notJson(s, e);
}

function onEvent(s: Stream, e: StreamEvent): Finding[] {
  s.count++;
  if (s.done > 0) {
    return emit(s, {
      cause: isDone(e) ? '[DONE] repeated' : 'event after [DONE]',
      message: `Received: ${clip(e.data, 120)} after data: [DONE] (event ${s.count})\nDocumented: data: [DONE] ends the stream, exactly once`,
    });
  }
  if (isDone(e)) {
    s.done++;
    return [];
  }
  if (e.event === 'error') {
    const documented = s.plan.mode === 'none' ? 'events' : `events per #${s.plan.schemaPointer}`;
    return emit(s, {
      cause: 'error event',
      severity: 'warn',
      message: `Received: event: error (event ${s.count}): ${clip(e.data, 300)}\nDocumented: a stream of ${documented}`,
    });
  }
  const parsed = parseJson(e.data);
  if (parsed) s.lastJson = parsed.value;
  return judge(s, e, parsed);
}

const EMPTY: Detail = {
  cause: 'stream empty',
  severity: 'warn',
  message: 'Received: a stream that closed without any event\nDocumented: a stream of events',
};
const NO_DONE: Detail = {
  cause: '[DONE] missing',
  message:
    'Received: a stream that closed without data: [DONE]\nDocumented: the operation describes a data: [DONE] terminator',
};
const NO_USAGE: Detail = {
  cause: 'usage chunk missing',
  message:
    'Received: last data chunk without a usage object\nDocumented: stream_options.include_usage: true asks for a final chunk carrying usage',
};

/** What the stream as a whole lacks; nothing when it was cut, since the missing parts may just not have come. */
function onEnd(s: Stream, complete: boolean): Finding[] {
  if (!complete) return [];
  const usage = (s.lastJson as { usage?: unknown } | undefined)?.usage;
  const missing = [
    s.count === 0 ? EMPTY : s.plan.expectDone && s.done === 0 ? NO_DONE : undefined,
    s.plan.expectUsage && s.count > 0 && (usage === null || typeof usage !== 'object') ? NO_USAGE : undefined,
  ];
  return missing.flatMap((d) => (d ? emit(s, d) : []));
}
