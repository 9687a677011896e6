/**
 * Sends one Case through an injected undici Dispatcher and records the Exchange. Statuses are data (no
 * response-error interceptor), redirects are not followed, the body is always consumed or destroyed, and every
 * transport failure becomes `Exchange.error` with a stable code — `send` never rejects.
 */
import type { Dispatcher } from 'undici';
import type { Case, Exchange, StreamEvent } from '../types.ts';
import { exchangeRequest, wireRequest, type WireRequest } from './request.ts';
import { createStreamRecorder, isEventStream, type StreamEventHook } from './sse.ts';
import { classifyTransportError } from './transport-error.ts';

/** How to send: where, through what, and within which bounds. */
export interface SendOptions {
  dispatcher: Dispatcher;
  baseUrl: string;
  /** Whole-request deadline (connect, headers and body), in ms. */
  timeoutMs: number;
  /** Body bytes kept; past this the body is cut, `truncated` set and the connection dropped. */
  maxResponseBytes: number;
  /** Called for each server-sent event as it arrives; return `'stop'` to end the stream early. */
  onEvent?: StreamEventHook;
  /** Called once status and headers are in; may return a per-event hook for this response (overrides `onEvent`). */
  onResponse?: (exchange: Exchange) => StreamEventHook | undefined;
  /** Aborts the request from outside (e.g. Ctrl-C). */
  signal?: AbortSignal;
}

type Response = NonNullable<Exchange['response']>;

/** Sends `c` and resolves to its Exchange; never rejects. */
export async function send(c: Case, options: SendOptions): Promise<Exchange> {
  const started = performance.now();
  let wire: WireRequest;
  try {
    wire = wireRequest(c, options.baseUrl);
  } catch (error) {
    const request = { method: c.method.toUpperCase(), url: `${options.baseUrl}${c.path}`, headers: { ...c.headers } };
    return { case: c, request, error: { code: 'BAD_URL', message: (error as Error).message }, durationMs: 0 };
  }
  // One controller per request, linked to the caller's signal by hand: AbortSignal.any costs more per request.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DeadlineError(options.timeoutMs));
  }, options.timeoutMs);
  const outer = options.signal;
  const onOuterAbort = (): void => controller.abort(outer!.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = controller.signal;
  const exchange: Exchange = { case: c, request: exchangeRequest(wire), durationMs: 0 };
  try {
    const res = await options.dispatcher.request({
      origin: wire.origin,
      path: wire.path,
      method: wire.method as Dispatcher.HttpMethod,
      headers: wire.headers,
      body: wire.body,
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const response: Response = {
      status: res.statusCode,
      headers: res.headers as Response['headers'],
      body: '',
      truncated: false,
      timeToFirstByteMs: Math.round(performance.now() - started),
    };
    exchange.response = response;
    const onEvent = options.onResponse?.(exchange) ?? options.onEvent;
    await readBody(res.body, response, { ...options, ...(onEvent ? { onEvent } : {}) }, started, exchange);
  } catch (error) {
    exchange.error = timedOut
      ? { code: 'TIMEOUT', message: `no complete response within ${options.timeoutMs} ms` }
      : classifyTransportError(error);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
    exchange.durationMs = Math.round(performance.now() - started);
  }
  return exchange;
}

/** Reads the body chunk by chunk under the size cap, feeding event streams to the parser as bytes arrive. */
async function readBody(
  body: Dispatcher.ResponseData['body'],
  response: Response,
  options: SendOptions,
  started: number,
  exchange: Exchange,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const stream = isEventStream(response.headers['content-type'])
    ? createStreamRecorder(started, options.onEvent)
    : undefined;
  const parts: string[] = [];
  let bytes = 0;
  let complete = false;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = options.maxResponseBytes - bytes;
      const kept = chunk.length > room ? chunk.subarray(0, Math.max(0, room)) : chunk;
      bytes += kept.length;
      const text = decoder.decode(kept, { stream: true });
      parts.push(text);
      stream?.feed(text);
      if (chunk.length > room) {
        response.truncated = true;
        exchange.error = { code: 'BODY_TOO_LARGE', message: `response body exceeds ${options.maxResponseBytes} bytes; cut there` };
        break;
      }
      if (stream?.stopped) {
        response.truncated = true;
        break;
      }
    }
    complete = !response.truncated;
  } catch (error) {
    // Headers arrived but the body failed (timeout, reset): keep what came, say why it stopped.
    response.truncated = true;
    throw error;
  } finally {
    // Breaking out of the loop destroys the stream, which drops the connection instead of reading on.
    if (!complete && !body.destroyed) body.destroy();
    parts.push(decoder.decode());
    response.body = parts.join('');
    if (stream) response.events = stream.events as StreamEvent[];
  }
}

/** The reason the per-request deadline aborts with. */
class DeadlineError extends Error {
  readonly code = 'TIMEOUT';
  constructor(ms: number) {
    super(`no complete response within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}
