/**
 * Server-sent events: each event is written and flushed on its own (`data: <json>\n\n`) with a short
 * pause between, so clients really receive a stream rather than one buffered body; the stream always
 * ends with `data: [DONE]\n\n`, as OpenAI streams do.
 */
import type { ServerResponse } from 'node:http';

/** Options of one stream. */
export interface SseOptions {
  /** Index of an event whose data is cut in half (the `malformed-sse` drift). */
  corruptIndex?: number;
  /** Pause between events, in ms. */
  gapMs?: number;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `events` as a 200 `text/event-stream` response and ends it with `[DONE]`. */
export async function writeSse(
  res: ServerResponse,
  headers: Record<string, string>,
  events: unknown[],
  opts: SseOptions = {},
): Promise<void> {
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.flushHeaders();
  for (const [i, event] of events.entries()) {
    if (res.destroyed) return; // the client went away; stop generating
    let data = JSON.stringify(event);
    if (i === opts.corruptIndex) data = data.slice(0, Math.floor(data.length / 2));
    res.write(`data: ${data}\n\n`);
    await pause(opts.gapMs ?? 1);
  }
  res.end('data: [DONE]\n\n');
}
