/**
 * Volume against a small 127.0.0.1 API: a rate limit that only a burst reaches has its 429 judged by the
 * response checks (not retried away).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './pipeline.ts';
import type { RunOptions } from './run-options.ts';
import { startServer, type TestServer } from './send/test-servers.ts';

const SPEC = `
openapi: 3.0.3
info: {title: limited, version: '1'}
paths:
  /quote:
    get:
      operationId: getQuote
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {type: object, properties: {q: {type: string}}}}}
        '429':
          description: too many
          headers: {Retry-After: {required: true, schema: {type: integer}}}
          content: {application/json: {schema: {type: object, required: [error], properties: {error: {type: string}}}}}
`;

let server: TestServer | undefined;
afterEach(async () => server?.close());

async function options(more: Partial<RunOptions> = {}): Promise<Partial<RunOptions>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'specgate-volume-'));
  await writeFile(path.join(dir, 'spec.yaml'), SPEC);
  return { spec: path.join(dir, 'spec.yaml'), baseUrl: server!.url, reportDir: dir, seed: 3, workers: 1, ...more };
}

describe('rate-limit burst', () => {
  it('reaches a limit the generated cases never meet, and judges its 429 (Retry-After missing)', async () => {
    let served = 0;
    server = await startServer((_req, res) => {
      const json = { 'content-type': 'application/json' };
      if (++served > 12) return void res.writeHead(429, json).end('{"error":"slow down"}');
      res.writeHead(200, json).end('{"q":"hi"}');
    });
    const result = await run(await options({ budget: { example: 1, boundary: 1, positive: 3, negative: 0 } }));
    const limited = result.findings.filter((f) => f.exchange?.response?.status === 429);
    expect(limited.map((f) => [f.checkId, f.cause])).toEqual([
      ['response_headers_conformance', 'header retry-after missing'],
    ]);
    expect(limited[0]!.caseId).toMatch(/\/burst\/\d+$/);
    expect(result.notes.join('\n')).toMatch(/GET \/quote: rate-limit burst of \d+ request\(s\).*429 at request/);
    expect(result.requests).toBeLessThanOrEqual(12 + 60);
  });
});
