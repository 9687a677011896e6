/**
 * Sends one Case through an injected undici Dispatcher and records the Exchange. Statuses are data (no
 * response-error interceptor), redirects are not followed, the body is always consumed or destroyed, and every
 * transport failure becomes `Exchange.error` with a stable code — `send` never rejects.
 */
import { util, type Dispatcher } from 'undici';
import type { Case, Exchange, StreamEvent } from '../types.ts';
import { exchangeRequest, unsendable, wireRequest, type WireRequest } from './request.ts';
import { createStreamRecorder, isEventStream, type StreamEventHook, type StreamRecorder } from './sse.ts';
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
  const exchange: Exchange = { case: c, request: exchangeRequest(wire), durationMs: 0 };
  const refused = unsendable(wire);
  if (refused) return { ...exchange, error: { code: 'TRANSPORT', message: `not sent: ${refused}` } };
  await new Promise<void>((resolve) => {
    options.dispatcher.dispatch(
      {
        origin: wire.origin,
        path: wire.path,
        method: wire.method as Dispatcher.HttpMethod,
        headers: wire.headers,
        body: wire.body,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      },
      new ExchangeHandler(exchange, options, started, resolve),
    );
  });
  exchange.durationMs = Math.round(performance.now() - started);
  return exchange;
}

/**
 * Records one response straight from undici's handler callbacks: no Readable stream or async iterator per
 * request, which made up most of the client's cost per request. Bodies are kept up to the size cap; event streams
 * are parsed as their bytes arrive; a deliberate cut (size cap, hook said stop) drops the connection.
 */
class ExchangeHandler implements Dispatcher.DispatchHandler {
  private abortRequest: ((reason?: Error) => void) | undefined;
  private chunks: Buffer[] = [];
  private bytes = 0;
  private decoder: TextDecoder | undefined;
  private text: string[] = [];
  private stream: StreamRecorder | undefined;
  private onEvent: StreamEventHook | undefined;
  private cut = false;
  private finished = false;
  private timedOut = false;
  private readonly timer: NodeJS.Timeout;
  private readonly onOuterAbort = (): void => this.abort(this.options.signal!.reason);

  constructor(
    private readonly exchange: Exchange,
    private readonly options: SendOptions,
    private readonly started: number,
    private readonly resolve: () => void,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.abort(new DeadlineError(options.timeoutMs));
      // The deadline is ours: the exchange ends now, whatever undici does next. Some requests it refuses (a
      // Content-Length that contradicts the body) never reach a callback, and awaiting them hung a whole run.
      if (this.finished) return;
      if (this.exchange.response) this.exchange.response.truncated = true;
      this.exchange.error = { code: 'TIMEOUT', message: `no complete response within ${options.timeoutMs} ms` };
      this.finish();
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  private pending: Error | undefined;

  private abort(reason: Error): void {
    if (this.abortRequest) this.abortRequest(reason);
    else this.pending ??= reason; // not connected yet: abort as soon as undici hands over the means
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.abortRequest = abort;
    const reason = this.pending ?? (this.options.signal?.aborted ? this.options.signal.reason : undefined);
    if (reason !== undefined) abort(reason);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200 || this.finished) return true; // 1xx: informational, the real response follows
    const headers = util.parseHeaders(rawHeaders) as Response['headers'];
    const response: Response = {
      status: statusCode,
      headers,
      body: '',
      truncated: false,
      timeToFirstByteMs: Math.round(performance.now() - this.started),
    };
    this.exchange.response = response;
    this.onEvent = this.options.onResponse?.(this.exchange) ?? this.options.onEvent;
    if (isEventStream(headers['content-type'])) {
      this.decoder = new TextDecoder('utf-8');
      this.stream = createStreamRecorder(this.started, this.onEvent);
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.cut || this.finished) return true;
    const response = this.exchange.response!;
    const room = this.options.maxResponseBytes - this.bytes;
    const kept = chunk.length > room ? chunk.subarray(0, Math.max(0, room)) : chunk;
    this.bytes += kept.length;
    if (this.stream) {
      const text = this.decoder!.decode(kept, { stream: true });
      this.text.push(text);
      this.stream.feed(text);
    } else this.chunks.push(kept);
    if (chunk.length > room) {
      response.truncated = true;
      this.exchange.error = {
        code: 'BODY_TOO_LARGE',
        message: `response body exceeds ${this.options.maxResponseBytes} bytes; cut there`,
      };
      this.cutHere();
    } else if (this.stream?.stopped) {
      response.truncated = true;
      this.cutHere();
    }
    return true;
  }

  onComplete(): void {
    this.finish();
  }

  onError(error: Error): void {
    if (this.finished) return; // the deadline already ended the exchange
    if (this.cut) return this.finish(); // our own cut: the response is what we kept
    const response = this.exchange.response;
    // Headers arrived but the body failed (timeout, reset): keep what came, say why it stopped.
    if (response) response.truncated = true;
    this.exchange.error = this.timedOut
      ? { code: 'TIMEOUT', message: `no complete response within ${this.options.timeoutMs} ms` }
      : classifyTransportError(error);
    this.finish();
  }

  /** Stops reading: aborting drops the connection instead of reading on. */
  private cutHere(): void {
    this.cut = true;
    this.abort(new CutError());
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this.onOuterAbort);
    const response = this.exchange.response;
    if (response) {
      if (this.stream) {
        this.text.push(this.decoder!.decode());
        response.body = this.text.join('');
        response.events = this.stream.events as StreamEvent[];
      } else
        response.body = BODY_DECODER.decode(this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks));
    }
    this.resolve();
  }
}

const BODY_DECODER = new TextDecoder('utf-8');

/** Why we dropped a connection ourselves (size cap reached, or the event hook said stop). */
class CutError extends Error {
  constructor() {
    super('response cut by the client');
    this.name = 'CutError';
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
