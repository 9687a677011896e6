/**
 * Volume and state against small 127.0.0.1 APIs: a rate limit that only a burst reaches has its 429 judged by the
 * response checks (not retried away); a maintenance switch runs last, and when it runs in spec order the run
 * notices that it poisoned every later write.
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

async function options(more: Partial<RunOptions> = {}, spec = SPEC): Promise<Partial<RunOptions>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'specgate-volume-'));
  await writeFile(path.join(dir, 'spec.yaml'), spec);
  return { spec: path.join(dir, 'spec.yaml'), baseUrl: server!.url, reportDir: dir, seed: 3, workers: 1, ...more };
}

describe('a target that dies mid-run', () => {
  it('stops the run once every connection is refused after answers came, and says so', async () => {
    let served = 0;
    server = await startServer((_req, res) => {
      // The tenth request kills the server: every later connection is refused.
      if (++served === 10) void server!.close();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"q":"hi"}');
    });
    const result = await run(
      await options({ depth: 100, budget: { example: 1, boundary: 1, positive: 60, negative: 0 } }),
    );
    expect(result.notes.join('\n')).toMatch(
      /stopped: the target stopped answering \(ECONNREFUSED 25 times in a row after \d+ answers\)/,
    );
    expect(result.requests).toBeLessThan(10 + 25 + 5);
  });
});

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

describe('429 answers met by the generated cases', () => {
  it('judges the 429 body even though the request is retried after it', async () => {
    let served = 0;
    server = await startServer((_req, res) => {
      const json = { 'content-type': 'application/json' };
      // Every third request is limited, with a body that is not the documented one (no `error`).
      if (++served % 3 === 0) return void res.writeHead(429, { ...json, 'retry-after': '0' }).end('{"msg":"slow"}');
      res.writeHead(200, json).end('{"q":"hi"}');
    });
    const result = await run(await options({ budget: { example: 1, boundary: 1, positive: 3, negative: 0 } }));
    const limited = result.findings.filter((f) => f.exchange?.response?.status === 429);
    expect(limited.map((f) => f.checkId)).toContain('response_schema_conformance');
    expect(limited.find((f) => f.checkId === 'response_schema_conformance')!.caseId).not.toMatch(/\/burst\//);
  });
});

const write = (p: string) =>
  `  ${p}:\n    post:\n      requestBody: {content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}\n      responses: {'201': {description: made}}\n`;
const MAINTENANCE = `
openapi: 3.0.3
info: {title: switch, version: '1'}
paths:
${write('/notes')}${write('/tags')}  /admin/maintenance:
    put:
      operationId: setMaintenance
      requestBody: {content: {application/json: {schema: {type: object, required: [enabled], properties: {enabled: {type: boolean}}}}}}
      responses: {'200': {description: set}}
${write('/labels')}${write('/files')}`;

/** Once maintenance was switched on (it stays on: a sticky switch), every other write answers an undocumented 503. */
function maintenanceServer() {
  let on = false;
  return startServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const json = { 'content-type': 'application/json' };
      const allow = req.url === '/admin/maintenance' ? 'PUT' : 'POST';
      if (req.method !== allow) return void res.writeHead(405, { allow }).end();
      if (req.url === '/admin/maintenance') {
        on ||= /"enabled":\s*true/.test(body);
        return void res.writeHead(200, json).end('{}');
      }
      if (on) return void res.writeHead(503, json).end('{"error":{"code":"maintenance"}}');
      res.writeHead(201, json).end('{"name":"x"}');
    });
  });
}

describe('a run that poisons its target', () => {
  it('runs the maintenance switch last by default, so no write meets maintenance', async () => {
    server = await maintenanceServer();
    const result = await run(
      await options({ budget: { example: 1, positive: 3, negative: 0, boundary: 0 } }, MAINTENANCE),
    );
    expect(result.coverage.map((c) => c.operation).at(-1)).toBe('PUT /admin/maintenance');
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.findings.map((f) => f.checkId)).not.toContain('target_poisoned');
  });

  it('in spec order, names the request that poisoned the target and judges none of the poisoned answers', async () => {
    server = await maintenanceServer();
    const o = await options(
      { switchesLast: false, budget: { example: 1, positive: 3, negative: 0, boundary: 0 } },
      MAINTENANCE,
    );
    const result = await run(o);
    const poisoned = result.findings.filter((f) => f.checkId === 'target_poisoned');
    expect(poisoned.map((f) => [f.operation, f.severity])).toEqual([['PUT /admin/maintenance', 'warn']]);
    expect(poisoned[0]!.curl).toMatch(/enabled/);
    expect(result.findings.filter((f) => f.exchange?.response?.status === 503)).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/target poisoned: after PUT \/admin\/maintenance .*inconclusive/);
  });
});
