import { describe, expect, it } from 'vitest';
import check, { streamEvents } from './sse-stream-conformance.ts';
import { createStreamChecker } from './stream-checker.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { EVENTS_32, THINGS } from './test-spec.ts';

const sse = { 'content-type': 'text/event-stream; charset=utf-8' };
const chat = (body: string, requestBody: unknown = { stream: true }, extra = {}) =>
  exchangeOf({ method: 'POST', path: '/chat', requestBody, headers: sse, body, ...extra });
const ctx = contextOf(THINGS, 'POST /chat');
const causes = (body: string, requestBody?: unknown) => check.run(chat(body, requestBody), ctx).map((f) => f.cause);

describe('sse_stream_conformance (3.0 schema describing the data)', () => {
  it('validates each event and reports each cause once', () => {
    const found = check.run(chat('data: {"id": 1}\n\ndata: {"id": 2}\n\ndata: {"id":"ok"}\n\ndata: [DONE]\n\n'), ctx);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ checkId: 'sse_stream_conformance', cause: 'event/id type', instancePath: '/id' });
    expect(found[0]!.message).toMatch(
      /^Received: "id": 1 \(integer\)\nDocumented: string at #\/components\/schemas\/Chunk\/properties\/id \(openapi\.yaml:\d+:\d+\)\n\(event 1\)$/,
    );
  });

  it.each([
    ['[DONE] missing though the operation describes it', 'data: {"id":"a"}\n\n', ['[DONE] missing']],
    ['events after [DONE]', 'data: {"id":"a"}\n\ndata: [DONE]\n\ndata: {"id":"b"}\n\n', ['event after [DONE]']],
    ['[DONE] twice', 'data: {"id":"a"}\n\ndata: [DONE]\n\ndata: [DONE]\n\n', ['[DONE] repeated']],
    ['data that is not JSON', 'data: hello\n\ndata: [DONE]\n\n', ['event not JSON']],
    ['an error event', 'event: error\ndata: {"message":"boom"}\n\ndata: [DONE]\n\n', ['error event']],
    ['an empty stream', '', ['stream empty']],
  ])('reports %s', (_, body, want) => {
    expect(causes(body)).toEqual(want);
  });

  it('requires a final usage chunk when include_usage was asked for', () => {
    const ask = { stream: true, stream_options: { include_usage: true } };
    expect(causes('data: {"id":"a","usage":null}\n\ndata: [DONE]\n\n', ask)).toEqual(['usage chunk missing']);
    expect(
      causes('data: {"id":"a","usage":null}\n\ndata: {"id":"a","usage":{"total_tokens":3}}\n\ndata: [DONE]\n\n', ask),
    ).toEqual([]);
  });

  it.each([
    ['a well-formed stream', 'data: {"id":"a"}\n\n: keep-alive\n\ndata: {"id":"b"}\n\ndata: [DONE]\n\n'],
    ['CRLF line endings and no final blank line', 'data: {"id":"a"}\r\n\r\ndata: [DONE]'],
    ['a multi-line data field', 'data: {"id":\ndata: "a"}\n\ndata: [DONE]\n\n'],
  ])('passes %s', (_, body) => {
    expect(causes(body)).toEqual([]);
  });

  it('skips termination checks on a cut stream', () => {
    expect(check.run(chat('data: {"id":"a"}\n\ndata: {"id', undefined, { truncated: true }), ctx)).toEqual([]);
  });

  it('does not apply to JSON responses', () => {
    expect(check.applies!(exchangeOf({ method: 'POST', path: '/chat', body: { id: 'a' } }), ctx)).toBe(
      'not a text/event-stream response',
    );
  });

  it('judges streams documented only in prose for termination, never for schema', () => {
    const plain = contextOf(THINGS, 'POST /plain-chat');
    const ex = exchangeOf({
      method: 'POST',
      path: '/plain-chat',
      requestBody: { stream: true },
      headers: sse,
      body: 'data: {"x":1}\n\ndata: {"x":2}\n\n',
    });
    expect(check.run(ex, plain)).toEqual([]);
  });
});

describe('sse_stream_conformance (3.2 itemSchema describing the event)', () => {
  const ctx32 = contextOf(EVENTS_32, 'GET /events');
  const run = (body: string) =>
    check.run(exchangeOf({ path: '/events', headers: sse, body }), ctx32).map((f) => f.cause);
  it('validates the event object and its JSON contentSchema', () => {
    expect(run('event: tick\ndata: {"n": 1}\n\n')).toEqual([]);
    expect(run('event: tock\ndata: {"n": 1}\n\n')).toEqual(['event/event enum']);
    expect(run('event: tick\ndata: {"n": "one"}\n\n')).toEqual(['event/data/n type']);
  });
});

describe('createStreamChecker (incremental, for the sender)', () => {
  it('gives the same verdicts event by event as the whole-body check', () => {
    const ex = chat('data: {"id":1}\n\ndata: [DONE]\n\ndata: {"id":"x"}\n\n');
    const checker = createStreamChecker(ex, ctx);
    const incremental = streamEvents(ex)
      .flatMap((e) => checker.event(e))
      .concat(checker.end(true));
    expect(incremental.map((f) => f.cause)).toEqual(check.run(ex, ctx).map((f) => f.cause));
    expect(checker.plan).toMatchObject({ mode: 'data', dataAsJson: true, expectDone: true, expectUsage: false });
  });
});
