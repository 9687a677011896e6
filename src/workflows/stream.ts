/**
 * `x-specgate-stream`: the semantics of an OpenAI-style chat completion stream beyond per-event schemas —
 * every event but the last is a JSON chunk, exactly one `[DONE]` and it is last, one id throughout, the role
 * first, a finish reason per choice, and (with `stream_options.include_usage`) one usage chunk just before `[DONE]`.
 */
import type { Exchange } from '../types.ts';

type Chunk = {
  id?: unknown;
  choices?: Array<{ index?: number; delta?: { role?: unknown }; finish_reason?: unknown }>;
  usage?: unknown;
};

function parse(data: string): Chunk | undefined {
  try {
    const v = JSON.parse(data) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Chunk) : undefined;
  } catch {
    return undefined;
  }
}

/** Problems with the stream of `exchange` (empty when it follows the OpenAI chat streaming protocol). */
export function streamProblems(exchange: Exchange, options: { usage: boolean }): string[] {
  const events = exchange.response?.events;
  if (!events)
    return [
      `expected a text/event-stream response, got content-type ${String(exchange.response?.headers['content-type'] ?? '(none)')}`,
    ];
  const problems: string[] = [];
  const done = events.map((e, i) => (e.data.trim() === '[DONE]' ? i : -1)).filter((i) => i >= 0);
  if (done.length !== 1) problems.push(`expected exactly one "data: [DONE]" event, got ${done.length}`);
  else if (done[0] !== events.length - 1)
    problems.push(`"[DONE]" is event ${done[0]! + 1} of ${events.length}, not the last`);
  if (exchange.response?.truncated) problems.push('the stream was cut before it ended');
  const chunks: Chunk[] = [];
  events.forEach((e, i) => {
    if (e.data.trim() === '[DONE]') return;
    const c = parse(e.data);
    if (!c) problems.push(`event ${i + 1} is not a JSON object: ${JSON.stringify(e.data.slice(0, 80))}`);
    else chunks.push(c);
  });
  if (chunks.length === 0) return [...problems, 'no chunk before [DONE]'];
  const ids = new Set(chunks.map((c) => c.id));
  if (ids.size > 1) problems.push(`chunks carry ${ids.size} different ids; one stream has one id`);
  const content = chunks.filter((c) => (c.choices?.length ?? 0) > 0);
  if (content[0]?.choices?.[0]?.delta?.role === undefined) problems.push('the first chunk does not carry delta.role');
  const finishes = content.flatMap((c, i) => (c.choices ?? []).filter((ch) => ch.finish_reason != null).map(() => i));
  if (finishes.length === 0) problems.push('no chunk carries a finish_reason');
  else if (finishes[finishes.length - 1] !== content.length - 1)
    problems.push('content chunks follow the chunk with finish_reason');
  const withUsage = chunks.map((c, i) => (c.usage != null ? i : -1)).filter((i) => i >= 0);
  if (options.usage) {
    const last = chunks[chunks.length - 1]!;
    if (last.usage == null) problems.push('stream_options.include_usage: the last chunk before [DONE] has no usage');
    else if ((last.choices?.length ?? 0) > 0) problems.push('the usage chunk must have empty choices');
    if (withUsage.length > 1) problems.push(`${withUsage.length} chunks carry usage; only the last may`);
  } else if (withUsage.length > 0)
    problems.push('a chunk carries usage although stream_options.include_usage was not set');
  return problems;
}
