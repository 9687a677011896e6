import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HarnessError } from './errors.ts';
import { MISBEHAVIOURS, refusedUrl, startServer, type TestServer } from './send/test-servers.ts';
import type { Case } from './types.ts';
import { fakeStages } from './pipeline.test-kit.ts';
import type { RunOptions } from './run-options.ts';
import { run } from './pipeline.ts';

/** A conformant fake API: 401 without the token, else the documented status. */
const conformant =
  (token: string, seen: string[] = []): http.RequestListener =>
  (req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
    if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end();
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end('{}');
  };

/** The streamed files (`report/stream.ts`) beside the stand-in reporters' files. */
const STREAMED_AND_REPORTS = ['count.txt', 'exchanges.ndjson', 'findings.ndjson', 'result.json'];

let server: TestServer | undefined;
afterEach(async () => server?.close());
const tmp = () => mkdtemp(path.join(os.tmpdir(), 'specgate-run-'));
const opts = async (more: Partial<RunOptions>): Promise<Partial<RunOptions>> => ({
  spec: 'fake',
  baseUrl: server?.url,
  reportDir: await tmp(),
  seed: 7,
  timeoutMs: 5_000, // generous: a loaded machine answers a conformant fake late
  budget: { example: 1, boundary: 1, positive: 2, negative: 1 },
  depth: 0, // the plan's first round only: these laws are about one round (exploration: pipeline-rounds.test.ts)
  ...more,
});

describe('run against a fake API', () => {
  it('finds nothing on a conformant API, sends auth probes and writes every report', async () => {
    server = await startServer(conformant('tok-1'));
    const o = await opts({ env: { SPECGATE_TOKEN: 'tok-1' } });
    const result = await run(o, fakeStages());
    expect(result.findings).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.coverage.map((c) => [c.operation, c.reached, c.checked])).toEqual([
      ['GET /a', true, ['status_documented', 'auth_required']],
      ['POST /b', true, ['status_documented', 'auth_required']],
    ]);
    expect(result.requests).toBe(2 * 5 + 2 * 2); // 5 cases + 2 probes per operation
    expect((await readdir(o.reportDir!)).sort()).toEqual(STREAMED_AND_REPORTS);
    // Every exchange is appended as it is judged, one summary a line.
    const lines = (await readFile(path.join(o.reportDir!, 'exchanges.ndjson'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).operation).sort()).toEqual([
      ...Array(7).fill('GET /a'),
      ...Array(7).fill('POST /b'),
    ]);
  });

  it('dedupes a drift to one finding per (operation, check, cause) with its occurrences', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end('{}')); // ignores auth, POST answers 200
    const o = await opts({ env: { SPECGATE_TOKEN: 'tok-1' } });
    const result = await run(o, fakeStages());
    expect(result.findings.map((f) => [f.operation, f.checkId, f.cause, f.occurrences])).toEqual([
      ['GET /a', 'auth_required', 'accepted without auth', 2],
      ['POST /b', 'status_documented', 'status 200', 5],
      ['POST /b', 'auth_required', 'accepted without auth', 2],
    ]);
    expect(result.exitCode).toBe(1);
    // The same findings were appended to findings.ndjson as each operation finished, with their stable ids.
    const streamed = (await readFile(path.join(o.reportDir!, 'findings.ndjson'), 'utf8')).trim().split('\n');
    expect(streamed.map((l) => JSON.parse(l)).map((f) => [f.operation, f.check, f.cause, f.id.length])).toEqual(
      result.findings.map((f) => [f.operation, f.checkId, f.cause, 16]),
    );
  });

  it('a secret token given with -H or the environment reaches the API but no report', async () => {
    for (const how of ['header', 'env'] as const) {
      const seen: string[] = [];
      server = await startServer(conformant('sk-secret-XYZ123', seen));
      const o = await opts(
        how === 'header'
          ? { headers: ['Authorization: Bearer sk-secret-XYZ123'] }
          : { env: { SPECGATE_TOKEN: 'sk-secret-XYZ123' } },
      );
      const result = await run(
        o,
        fakeStages({
          toCurl: (ex) => `curl -H 'authorization: ${ex.request.headers.authorization}' ${ex.request.url}`,
        }),
      );
      expect(seen.some((s) => s.includes('sk-secret-XYZ123'))).toBe(true);
      expect(JSON.stringify(result)).not.toContain('XYZ123');
      for (const f of await readdir(o.reportDir!))
        expect(await readFile(path.join(o.reportDir!, f), 'utf8')).not.toContain('XYZ123');
      await server.close();
      server = undefined;
    }
  });
});

describe('run against misbehaving targets: findings or a clear error, never a crash or a hang', () => {
  it('a refused connection is TARGET_UNREACHABLE with the URL', async () => {
    const url = await refusedUrl();
    const error = await run(await opts({ baseUrl: url }), fakeStages()).catch((e) => e);
    expect(error).toBeInstanceOf(HarnessError);
    expect(error.code).toBe('TARGET_UNREACHABLE');
    expect(error.message).toContain(url);
  });

  it.each(['reset', 'hang', 'endlessBody', 'endlessStream', 'invalidJson'])('%s', async (name) => {
    server = await startServer(MISBEHAVIOURS[name]!);
    const t0 = performance.now();
    const result = await run(await opts({ timeoutMs: 300, maxResponseBytes: 32 * 1024, workers: 4 }), fakeStages());
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(result.coverage.every((c) => c.reached)).toBe(true);
    if (name !== 'invalidJson') expect(result.findings.some((f) => f.checkId === 'status_documented')).toBe(true);
  });
});

describe('limits, back-off, baseline and shards', () => {
  it('429 backs off on that operation only, honours Retry-After and records every retry', async () => {
    let limited = 2;
    server = await startServer((req, res) => {
      if (req.url?.startsWith('/a') && limited-- > 0) return void res.writeHead(429, { 'retry-after': '0' }).end();
      conformant('t')(req, res);
    });
    const result = await run(await opts({ env: { SPECGATE_TOKEN: 't' } }), fakeStages());
    expect(result.findings).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/GET \/a: 2 request\(s\) retried after 429/);
    expect(result.requests).toBe(2 * 7 + 2);
  });

  it('--max-requests stops the run and says why operations were not reached', async () => {
    server = await startServer(conformant('t'));
    const result = await run(await opts({ env: { SPECGATE_TOKEN: 't' }, maxRequests: 3, workers: 1 }), fakeStages());
    expect(result.requests).toBe(3);
    expect(result.notes).toContain('stopped after --max-requests 3');
    expect(result.coverage[1]).toMatchObject({
      operation: 'POST /b',
      reached: false,
      reason: expect.stringMatching(/stopped/),
    });
  });

  it('shrinks a failing generated case, re-judging the smaller request before reporting it', async () => {
    // 500 (undocumented) only while the query is non-empty; the shrinker offers '' and then 'x'.
    server = await startServer((req, res) => res.writeHead(req.url?.includes('?') ? 500 : 200).end('{}'));
    const tried: string[] = [];
    const shrinkCase = async (c: Case, stillFails: (x: Case) => Promise<boolean>) => {
      let best = c;
      for (const query of ['', 'x']) {
        tried.push(query);
        if (await stillFails({ ...c, query })) best = { ...c, query };
      }
      return best;
    };
    const result = await run(
      await opts({ include: ['getA'], checks: ['status_documented'] }),
      fakeStages({ shrinkCase }),
    );
    const [finding] = result.findings;
    expect(finding).toMatchObject({ cause: 'status 500' });
    expect(finding!.exchange!.request.url).toMatch(/\/a\?x$/);
    expect(tried).toEqual(['', 'x']); // one finding shrunk once, not once per occurrence
  });

  it('an interrupt stops promptly, blames nothing on the API, and still writes the reports', async () => {
    server = await startServer(MISBEHAVIOURS.hang!);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const o = await opts({ timeoutMs: 10_000, signal: controller.signal });
    const t0 = performance.now();
    const result = await run(o, fakeStages());
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(result.findings).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/interrupted/);
    expect((await readdir(o.reportDir!)).sort()).toEqual(STREAMED_AND_REPORTS);
  });

  it('with --baseline, known findings do not fail the run and gone ones are listed as fixed', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end('{}'));
    const dir = await tmp();
    const first = await run(await opts({}), fakeStages());
    const file = path.join(dir, 'findings.json');
    await writeFile(
      file,
      JSON.stringify({ findings: [...first.findings, { operation: 'GET /gone', checkId: 'x', cause: 'y' }] }),
    );
    const second = await run(await opts({ baseline: file }), fakeStages());
    expect(second.findings.map((f) => f.baseline)).toEqual(first.findings.map(() => 'known'));
    expect(second.fixed.map((f) => f.operation)).toEqual(['GET /gone']);
    expect(second.exitCode).toBe(0);
  });

  it('shards split operations without changing the requests each one sends', async () => {
    const seen: string[] = [];
    server = await startServer(conformant('t', seen));
    await run(await opts({ env: { SPECGATE_TOKEN: 't' } }), fakeStages());
    const whole = [...seen].sort();
    seen.length = 0;
    const reached = [];
    for (const index of [1, 2]) {
      const r = await run(await opts({ env: { SPECGATE_TOKEN: 't' }, shard: { index, count: 2 } }), fakeStages());
      reached.push(...r.coverage.filter((c) => c.reached).map((c) => c.operation));
    }
    expect(reached.sort()).toEqual(['GET /a', 'POST /b']);
    expect([...seen].sort()).toEqual(whole);
  });
});
