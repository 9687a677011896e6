/** What an OpenAI-style request body asks of a stream (`stream: true`, `stream_options.include_usage`). */
import type { Exchange } from '../types.ts';

function body(exchange: Exchange): Record<string, unknown> | undefined {
  const b = exchange.case.body;
  return b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : undefined;
}

/** True when the request body sets `stream: true`. */
export function asksForStream(exchange: Exchange): boolean {
  return body(exchange)?.stream === true;
}

/** True when the request body sets `stream_options.include_usage: true` (a final `usage` chunk is promised). */
export function asksForUsage(exchange: Exchange): boolean {
  const options = body(exchange)?.stream_options;
  return (
    asksForStream(exchange) &&
    options !== null &&
    typeof options === 'object' &&
    (options as Record<string, unknown>).include_usage === true
  );
}
