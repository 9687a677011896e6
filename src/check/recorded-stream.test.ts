/**
 * A stream recorded from the reference gateway (fixtures/exchanges/chat-stream-with-usage.json) against the
 * repository's openapi.json: the real thing passes every check, and each planted fault is named exactly.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../load/index.ts';
import type { Exchange, StreamEvent } from '../types.ts';
import type { CheckContext } from './check.ts';
import { CHECKS, runChecks } from './index.ts';
import sse from './sse-stream-conformance.ts';
import { contextOf } from './test-kit.ts';

const root = new URL('../..', import.meta.url);
const recorded = JSON.parse(
  readFileSync(new URL('fixtures/exchanges/chat-stream-with-usage.json', root), 'utf8'),
) as Exchange;
let ctx: CheckContext;

beforeAll(async () => {
  ctx = contextOf(await loadSpec(new URL('openapi.json', root).pathname), 'POST /v1/chat/completions', {
    maxResponseTimeMs: 10_000,
  });
});

const withEvents = (edit: (events: StreamEvent[]) => StreamEvent[]): Exchange => ({
  ...recorded,
  response: { ...recorded.response!, events: edit(structuredClone(recorded.response!.events!)) },
});

describe('a recorded OpenAI-style stream', () => {
  it('passes every check as recorded', () => {
    const out = runChecks(recorded, CHECKS, { ...ctx, severities: {} });
    expect(out.findings.map((f) => `${f.checkId}: ${f.cause}`)).toEqual([]);
    expect(out.checked).toContain('sse_stream_conformance');
  });

  it.each([
    ['without the [DONE] terminator', (e: StreamEvent[]) => e.slice(0, -1), ['[DONE] missing']],
    ['without the final usage chunk', (e: StreamEvent[]) => [...e.slice(0, -2), e.at(-1)!], ['usage chunk missing']],
    [
      'with one event cut short',
      (e: StreamEvent[]) => e.map((x, i) => (i === 1 ? { ...x, data: x.data.slice(0, 20) } : x)),
      ['event not JSON'],
    ],
    ['with a chunk after [DONE]', (e: StreamEvent[]) => [...e, e[1]!], ['event after [DONE]']],
    [
      'with a chunk of the wrong shape',
      (e: StreamEvent[]) =>
        e.map((x, i) =>
          i === 2
            ? { ...x, data: x.data.replace('"choices":[', '"choices":{"x":[').replace(/\],"usage"/, ']},"usage"') }
            : x,
        ),
      ['event/choices type'],
    ],
  ])('is caught %s', (_, edit, want) => {
    expect(sse.run(withEvents(edit), ctx).map((f) => f.cause)).toEqual(want);
  });
});
