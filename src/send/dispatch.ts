/**
 * One dispatch, composed of small interceptors the way undici composes them (`Dispatcher.compose`): each
 * interceptor takes the next dispatch and returns one that does a little more (rate limit, back-off, budget,
 * stream guard, recording). Statuses stay data: an interceptor may ask for a retry or skip a case, never throw.
 */
import type { Case, Exchange } from '../types.ts';
import { send, type SendOptions } from './send.ts';
import type { StreamEventHook } from './sse.ts';

/** What one dispatch of one case is told besides the case. */
export interface DispatchContext {
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  /** A 429 (or 503) is the answer under test (a rate-limit burst): handed back to be judged, never retried. */
  judgeLimits?: boolean;
  /** Called once status and headers are in; may return a per-event hook for this response. */
  onResponse?: (exchange: Exchange) => StreamEventHook | undefined;
}

/** What came of a dispatch: an exchange to judge, one to retry later (429/503), or nothing sent (the run stopped). */
export type Dispatched = { exchange: Exchange } | { exchange: Exchange; retryInMs: number } | { skipped: string };

/** Sends a case, through whatever the interceptors add. */
export type Dispatch = (c: Case, ctx: DispatchContext) => Promise<Dispatched>;

/** A small piece of cross-cutting request behaviour. */
export type Interceptor = (next: Dispatch) => Dispatch;

/** `interceptors` around `base`, the first one outermost (it sees the case first and the outcome last). */
export function compose(base: Dispatch, ...interceptors: Interceptor[]): Dispatch {
  return interceptors.reduceRight((next, intercept) => intercept(next), base);
}

/** The innermost dispatch: `send` with the run's transport options. */
export function sender(options: Omit<SendOptions, 'onEvent' | 'onResponse'>): Dispatch {
  return async (c, ctx) => ({
    exchange: await send(c, { ...options, ...(ctx.onResponse ? { onResponse: ctx.onResponse } : {}) }),
  });
}
