/**
 * Laws of exploration in rounds: a run deepens every operation to its depth with requests it never sent
 * before, the number of workers never changes which requests are sent, an operation with nothing left to vary
 * stops early, and a time budget is hard even against a slow API.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeGenerate, fakeStages } from './pipeline.test-kit.ts';
import { run } from './pipeline.ts';
import type { RunOptions } from './run-options.ts';
import { startServer, type TestServer } from './send/test-servers.ts';
import type { Case, Operation, Spec } from './types.ts';

let server: TestServer | undefined;
afterEach(async () => server?.close());

/** Records every request (method, URL, body) and answers 200 `{}` after `delayMs`. */
const recording =
  (seen: string[], delayMs = 0): http.RequestListener =>
  (req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${body}`);
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  };

/** Cases that differ with the seed, as a real generator's do. */
const seeded = (spec: Spec, op: Operation, o: { kind: Case['kind']; count: number; seed: number }): Case[] =>
  fakeGenerate(spec, op, o).map((c) => ({ ...c, query: `${c.query}&k=${o.kind}&s=${o.seed}` }));

const options = async (more: Partial<RunOptions>): Promise<Partial<RunOptions>> => ({
  spec: 'fake',
  baseUrl: server?.url,
  reportDir: await mkdtemp(path.join(os.tmpdir(), 'specgate-rounds-')),
  writeReports: false,
  seed: 11,
  timeoutMs: 2000,
  budget: { example: 1, boundary: 1, positive: 2, negative: 1 },
  checks: ['status_documented'],
  ...more,
});

const generatedOf = (r: Awaited<ReturnType<typeof run>>) =>
  r.coverage.map((c) => Object.values(c.casesByKind).reduce((a, b) => a + (b ?? 0), 0));

describe('exploration in rounds', () => {
  it('deepens every operation to its depth with requests it never sent before', async () => {
    const seen: string[] = [];
    server = await startServer(recording(seen));
    const result = await run(await options({ depth: 40 }), fakeStages({ generateCases: seeded }));
    expect(generatedOf(result)).toEqual([40, 40]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(result.coverage.map((c) => c.requests)).toEqual([40, 40]);
    expect(result.requests).toBe(80);
  });

  it('sends the same requests whatever the number of workers', async () => {
    const seen: string[] = [];
    server = await startServer(recording(seen));
    const sets: string[][] = [];
    for (const workers of [1, 4]) {
      seen.length = 0;
      await run(await options({ depth: 30, workers }), fakeStages({ generateCases: seeded }));
      sets.push([...seen].sort());
    }
    expect(sets[1]).toEqual(sets[0]);
  });

  it('stops deepening an operation whose new round only repeats requests it already sent', async () => {
    const seen: string[] = [];
    server = await startServer(recording(seen));
    // The same cases whatever the seed: round 2 brings a few new indexes, round 3 nothing new.
    const result = await run(await options({ depth: 100, workers: 1 }), fakeStages());
    const later = seen.slice(10); // round 1: five cases of each operation
    expect(new Set(later).size).toBe(later.length);
    expect(later.some((r) => seen.slice(0, 10).includes(r))).toBe(false);
    expect(generatedOf(result).every((n) => n < 100)).toBe(true);
  });

  it('a time budget is hard: against a slow API the run ends within --max-duration plus the request timeout', async () => {
    const seen: string[] = [];
    server = await startServer(recording(seen, 400));
    const t0 = performance.now();
    const result = await run(
      await options({ maxDurationMs: 3000, timeoutMs: 2000, workers: 2 }),
      fakeStages({ generateCases: seeded }),
    );
    // Generous on purpose (a loaded machine): the law is "bounded by the budget", not a precise time.
    expect(performance.now() - t0).toBeLessThan(3000 + 2000 + 5000);
    expect(result.requests).toBeGreaterThan(0);
    expect(result.coverage.every((c) => c.reached)).toBe(true);
  });

  it('under a budget too small for one operation’s plan, every operation is reached first (breadth first)', async () => {
    const seen: string[] = [];
    server = await startServer(recording(seen));
    const budget = { example: 1, boundary: 1, positive: 30, negative: 1 };
    const result = await run(
      await options({ maxRequests: 20, workers: 1, budget }),
      fakeStages({ generateCases: seeded }),
    );
    expect(result.coverage.map((c) => c.reached)).toEqual([true, true]);
    expect(result.coverage.every((c) => c.requests >= 8)).toBe(true);
    expect(seen.length).toBeLessThanOrEqual(20);
  });

  it('a create refused with 409 is tried once more with fresh values, and a fresh retry is not retried', async () => {
    const seen: string[] = [];
    server = await startServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(req.method === 'POST' ? 409 : 200, { 'content-type': 'application/json' }).end('{}');
    });
    const result = await run(await options({ depth: 0, workers: 1 }), fakeStages({ generateCases: seeded }));
    const posts = seen.filter((r) => r.startsWith('POST'));
    // Round 1 sends 5 cases of POST /b; the 4 valid ones (not the negative) each get one fresh retry.
    expect(posts.length).toBe(5 + 4);
    expect(new Set(posts).size).toBe(posts.length);
    expect(result.coverage[1]!.casesByKind.positive).toBe(2 + 4);
  });
});
