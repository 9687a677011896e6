/**
 * Deterministic stand-ins for real models. Every output is derived from a SHA-256 of the model id and
 * the input, so the same request gives the same answer in every run (tests and recorded cassettes stay
 * stable) while different inputs give different answers. One word of output is one token.
 */
import { createHash } from 'node:crypto';

const VOCABULARY = (
  'the gateway routes every request to a model that answers quickly and cheaply while ' +
  'quality stays above the floor so costs fall and latency drops for each customer who sends prompts ' +
  'through one endpoint with streaming jobs webhooks evals replays usage tags caps limits keys'
).split(' ');

/** Endless stream of pseudo-random bytes from a seed (SHA-256 in counter mode). */
function* bytes(seed: string): Generator<number> {
  for (let block = 0; ; block++) yield* createHash('sha256').update(`${block}:${seed}`).digest();
}

/** A number in [0, 1) derived from `seed`. */
export function unitHash(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

/** Estimated tokens of a text: one per started 4 characters, the usual rule of thumb. */
export const countTokens = (text: string): number => Math.ceil(text.length / 4);

/** Prompt tokens of a chat: content plus a small per-message and per-reply overhead, as OpenAI counts. */
export const chatPromptTokens = (messages: ReadonlyArray<{ content: string }>): number =>
  messages.reduce((n, m) => n + countTokens(m.content) + 4, 2);

/** What a text model "says". */
export interface Generation {
  /** Output tokens, one per word; their concatenation is the message content. */
  pieces: string[];
  finishReason: 'stop' | 'length';
}

/** Generates the answer of `model` to `input`, cut at `maxTokens` (finish_reason `length`). */
export function generate(model: string, input: unknown, maxTokens?: number): Generation {
  const it = bytes(`${model}\n${JSON.stringify(input)}`);
  const natural = 4 + ((it.next().value as number) % 36);
  const limit = maxTokens ?? Number.MAX_SAFE_INTEGER;
  const n = Math.min(natural, limit);
  const pieces: string[] = [];
  for (let i = 0; i < n; i++) {
    let word = VOCABULARY[(it.next().value as number) % VOCABULARY.length]!;
    if (i === 0) word = word[0]!.toUpperCase() + word.slice(1);
    if (i === natural - 1) word += '.';
    pieces.push(i === 0 ? word : ' ' + word);
  }
  return { pieces, finishReason: natural > limit ? 'length' : 'stop' };
}

/** A unit-length embedding of `text` with `dimensions` components. */
export function embed(model: string, text: string, dimensions: number): number[] {
  const it = bytes(`${model}\n${text}`);
  const raw = Array.from(
    { length: dimensions },
    () => (((it.next().value as number) << 8) | (it.next().value as number)) / 32767.5 - 1,
  );
  const norm = Math.hypot(...raw) || 1;
  return raw.map((x) => x / norm);
}

/** Word-set overlap (Jaccard) of two texts, in [0, 1]; 1 for two empty texts. */
export function similarity(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  const x = words(a),
    y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both);
}
