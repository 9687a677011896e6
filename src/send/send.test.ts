import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MockAgent } from 'undici';
import type { Case } from '../types.ts';
import { createDispatcher } from './dispatcher.ts';
import { send, type SendOptions } from './send.ts';
import { MISBEHAVIOURS, refusedUrl, startServer, type TestServer } from './test-servers.ts';

const baseCase: Case = {
  id: 'GET /x/example/0',
  operation: 'GET /x',
  kind: 'example',
  method: 'get',
  path: '/x',
  query: '',
  headers: {},
  cookies: {},
  seed: 1,
};
const dispatcher = createDispatcher({ connections: 2 });
const opts = (baseUrl: string, more: Partial<SendOptions> = {}): SendOptions => ({
  dispatcher,
  baseUrl,
  timeoutMs: 400,
  maxResponseBytes: 64 * 1024,
  ...more,
});

let server: TestServer | undefined;
afterEach(async () => server?.close());
afterAll(() => dispatcher.close());

describe('send against misbehaving servers resolves, never rejects', () => {
  const table: Array<[string, { status?: number; error?: string; truncated?: boolean; events?: boolean }]> = [
    ['json', { status: 200 }],
    ['invalidJson', { status: 200 }],
    ['reset', { status: 200, error: 'RESET', truncated: true }],
    ['hang', { error: 'TIMEOUT' }],
    ['endlessBody', { status: 200, error: 'BODY_TOO_LARGE', truncated: true }],
    ['endlessStream', { status: 200, error: 'TIMEOUT', truncated: true, events: true }],
    ['redirect', { status: 302 }],
  ];
  it.each(table)('%s', async (name, want) => {
    server = await startServer(MISBEHAVIOURS[name]!);
    const t0 = performance.now();
    const ex = await send(baseCase, opts(server.url));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(ex.response?.status).toBe(want.status);
    expect(ex.error?.code).toBe(want.error);
    if (want.truncated !== undefined) expect(ex.response?.truncated).toBe(want.truncated);
    if (want.events) expect(ex.response?.events?.length).toBeGreaterThan(3);
    if (ex.response) expect(ex.response.body.length).toBeLessThanOrEqual(64 * 1024);
  });

  it('a header undici refuses to send → an error on the exchange, not a rejection', async () => {
    server = await startServer(MISBEHAVIOURS.json!);
    const ex = await send({ ...baseCase, headers: { 'X-Bad': 'a\r\nInjected: 1' } }, opts(server.url));
    expect(ex.response).toBeUndefined();
    expect(ex.error?.code).toBe('TRANSPORT');
  });

  it('a dispatcher that never calls back still ends at the deadline', async () => {
    const silent = { dispatch: () => true } as unknown as SendOptions['dispatcher'];
    const ex = await send(baseCase, opts('http://127.0.0.1:9', { dispatcher: silent, timeoutMs: 100 }));
    expect(ex.error?.code).toBe('TIMEOUT');
  });

  it('requests undici would refuse are not dispatched, so they cannot wedge the pool for the rest of the run', async () => {
    server = await startServer(MISBEHAVIOURS.json!);
    const refused: Array<Record<string, string>> = [
      { 'x-bad': 'a\r\nb' },
      { 'content-length': '-7' },
      { 'transfer-encoding': 'chunked' },
      { 'bad name': 'x' },
    ];
    for (const headers of refused) {
      const ex = await send({ ...baseCase, headers }, opts(server.url));
      expect(ex.error?.message, JSON.stringify(headers)).toMatch(/^not sent: /);
    }
    // More refusals than the pool has connections, then a valid request: it is answered.
    expect((await send(baseCase, opts(server.url))).response?.status).toBe(200);
  });

  it('an outside abort ends the request without a response', async () => {
    server = await startServer(MISBEHAVIOURS.hang!);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const t0 = performance.now();
    const ex = await send(baseCase, opts(server.url, { timeoutMs: 5000, signal: controller.signal }));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(ex.response).toBeUndefined();
    expect(ex.error).toBeDefined();
  });

  it('refused connection → ECONNREFUSED', async () => {
    const ex = await send(baseCase, opts(await refusedUrl()));
    expect(ex.error?.code).toBe('ECONNREFUSED');
    expect(ex.response).toBeUndefined();
  });
});

describe('send', () => {
  it('reuses keep-alive connections and records the wire request', async () => {
    server = await startServer(MISBEHAVIOURS.json!);
    const c = {
      ...baseCase,
      method: 'post',
      query: 'a=1',
      headers: { 'X-Y': 'z' },
      cookies: { s: '1' },
      mediaType: 'application/json',
      bodyText: '{}',
    };
    for (let i = 0; i < 9; i++) await send(c, opts(`${server.url}/api/`));
    const ex = await send(c, opts(`${server.url}/api/`));
    expect(server.connections()).toBeLessThanOrEqual(2); // the pool size, not one per request
    expect(ex.request).toEqual({
      method: 'POST',
      url: `${server.url}/api/x?a=1`,
      body: '{}',
      headers: { 'x-y': 'z', cookie: 's=1', 'content-type': 'application/json' },
    });
  });

  it('an onEvent hook that says stop ends the stream early', async () => {
    server = await startServer(MISBEHAVIOURS.endlessStream!);
    const ex = await send(
      baseCase,
      opts(server.url, { timeoutMs: 5000, onEvent: (_e, i) => (i >= 2 ? 'stop' : undefined) }),
    );
    expect(ex.error).toBeUndefined();
    expect(ex.response?.events?.map((e) => JSON.parse(e.data).n)).toEqual([0, 1, 2]);
    expect(ex.response?.events?.every((e, i, a) => i === 0 || e.atMs >= a[i - 1]!.atMs)).toBe(true);
  });

  it('works with a MockAgent and treats 5xx as data', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock
      .get('http://api.test')
      .intercept({ path: '/x', method: 'GET' })
      .reply(500, { boom: 1 }, { headers: { 'content-type': 'application/json' } });
    const ex = await send(baseCase, { ...opts('http://api.test'), dispatcher: mock });
    expect(ex.response?.status).toBe(500);
    expect(JSON.parse(ex.response!.body)).toEqual({ boom: 1 });
    await mock.close();
  });
});
