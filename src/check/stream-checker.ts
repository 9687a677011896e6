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

/** A checker for the stream in `exchange` (its `response` must carry the status and headers). */
export function createStreamChecker(exchange: Exchange, ctx: CheckContext): StreamChecker {
  const plan = streamPlan(exchange, ctx);
  const seen = new Set<string>();
  const state = { count: 0, done: 0, lastJson: undefined as unknown };
  const emit = (d: Parameters<typeof makeFinding>[3]): Finding[] => {
    if (seen.has(d.cause)) return [];
    seen.add(d.cause);
    return [makeFinding(SSE_CHECK_ID, exchange, ctx, d)];
  };
  const validate = (pointer: string, value: unknown, what: string): Finding[] =>
    describeSchemaErrors(ctx, pointer, value, ctx.validator.validate(pointer, value, 'response'), what).flatMap((d) =>
      emit({ ...d, message: `${d.message}\n(event ${state.count})` }),
    );

  const notJson = (e: StreamEvent): Finding[] =>
    emit({
      cause: 'event not JSON',
      pointer: plan.schemaPointer,
      message: `Received: ${clip(e.data, 200)} (not JSON, event ${state.count})\nDocumented: JSON per #${plan.schemaPointer} (${where(ctx, plan.schemaPointer!)})`,
    });
  const judge = (e: StreamEvent, parsed: { value: unknown } | undefined): Finding[] => {
    if (plan.mode === 'event') {
      const value = {
        ...(e.event !== undefined && { event: e.event }),
        ...(e.id !== undefined && { id: e.id }),
        data: e.data,
      };
      const out = validate(plan.schemaPointer!, value, 'event');
      if (!plan.contentSchemaPointer) return out;
      return out.concat(parsed ? validate(plan.contentSchemaPointer, parsed.value, 'event/data') : notJson(e));
    }
    if (plan.mode === 'none') return [];
    if (!plan.dataAsJson) return validate(plan.schemaPointer!, e.data, 'event');
    return parsed ? validate(plan.schemaPointer!, parsed.value, 'event') : notJson(e);
  };

  return {
    plan,
    event(e) {
      state.count++;
      if (state.done > 0) {
        return emit({
          cause: isDone(e) ? '[DONE] repeated' : 'event after [DONE]',
          message: `Received: ${clip(e.data, 120)} after data: [DONE] (event ${state.count})\nDocumented: data: [DONE] ends the stream, exactly once`,
        });
      }
      if (isDone(e)) {
        state.done++;
        return [];
      }
      if (e.event === 'error') {
        return emit({
          cause: 'error event',
          severity: 'warn',
          message: `Received: event: error (event ${state.count}): ${clip(e.data, 300)}\nDocumented: a stream of ${plan.mode === 'none' ? 'events' : `events per #${plan.schemaPointer}`}`,
        });
      }
      const parsed = parseJson(e.data);
      if (parsed) state.lastJson = parsed.value;
      return judge(e, parsed);
    },
    end(complete) {
      if (!complete) return [];
      const out: Finding[] = [];
      if (state.count === 0) {
        out.push(
          ...emit({
            cause: 'stream empty',
            severity: 'warn',
            message: 'Received: a stream that closed without any event\nDocumented: a stream of events',
          }),
        );
      } else if (plan.expectDone && state.done === 0) {
        out.push(
          ...emit({
            cause: '[DONE] missing',
            message:
              'Received: a stream that closed without data: [DONE]\nDocumented: the operation describes a data: [DONE] terminator',
          }),
        );
      }
      const usage = (state.lastJson as { usage?: unknown } | undefined)?.usage;
      if (plan.expectUsage && state.count > 0 && (usage === null || typeof usage !== 'object')) {
        out.push(
          ...emit({
            cause: 'usage chunk missing',
            message:
              'Received: last data chunk without a usage object\nDocumented: stream_options.include_usage: true asks for a final chunk carrying usage',
          }),
        );
      }
      return out;
    },
  };
}
