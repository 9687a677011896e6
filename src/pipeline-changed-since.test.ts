/**
 * `--changed-since`: against a notes API whose spec PR changed one operation (a required query parameter
 * added: breaking; a required response property added: the stub does not send it yet), only that operation
 * runs, the others are reported as unchanged, and the breaking change sits beside the runtime drift.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli/main.ts';
import { startServer, type TestServer } from './send/test-servers.ts';
import { STAGES } from './stages.ts';
import { run } from './pipeline.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/run/changed-since');
const deps = STAGES;
const summary = (f: { operation: string; checkId: string; cause: string }) => `${f.operation} ${f.checkId}: ${f.cause}`;

/** Serves the base version faithfully: it validates `view` (the head's parameter) but returns no `title` yet. */
const notes: http.RequestListener = (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const json = (status: number, body?: unknown) =>
    void res
      .writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' })
      .end(body === undefined ? undefined : JSON.stringify(body));
  const one = /^\/notes\/([^/]+)$/.exec(url.pathname);
  if (req.method === 'GET' && url.pathname === '/notes') return json(200, [{ id: '1', text: 'a' }]);
  if (req.method === 'GET' && one)
    return ['full', 'short'].includes(url.searchParams.get('view') ?? '')
      ? json(200, { id: one[1], text: 'a' })
      : json(400, { error: 'view' });
  if (req.method === 'DELETE' && one) return json(204);
  return json(404, { error: 'not found' });
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer(notes);
});
afterAll(() => server.close());

describe('specgate run --changed-since', () => {
  it('runs only the changed operation and reports its breaking change beside its runtime drift', async () => {
    const reportDir = await mkdtemp(path.join(os.tmpdir(), 'specgate-changed-'));
    const result = await run(
      {
        spec: path.join(dir, 'head.yaml'),
        changedSince: path.join(dir, 'base.yaml'),
        baseUrl: server.url,
        seed: 11,
        reportDir,
        timeoutMs: 2000,
      },
      deps,
    );
    expect(result.coverage.filter((c) => c.reached).map((c) => c.operation)).toEqual(['GET /notes/{id}']);
    expect(result.coverage.filter((c) => !c.reached).map((c) => [c.operation, c.reason])).toEqual(
      ['GET /notes', 'POST /notes', 'DELETE /notes/{id}'].map((op) => [
        op,
        `unchanged since ${path.join(dir, 'base.yaml')} (--changed-since)`,
      ]),
    );
    expect(new Set(result.findings.map((f) => f.operation))).toEqual(new Set(['GET /notes/{id}']));
    const breaking = result.findings.filter((f) => f.checkId === 'breaking_change');
    expect(breaking.map(summary)).toEqual([
      'GET /notes/{id} breaking_change: request-parameter-required-added: required query parameter view added',
    ]);
    expect(breaking[0]!.specLocation).toMatchObject({ file: expect.stringMatching(/head\.yaml$/), line: 45 });
    expect(result.findings.filter((f) => f.checkId === 'response_schema_conformance').length).toBeGreaterThan(0);
    expect(result.changeScope?.changes.map((c) => `${c.kind} ${c.rule}`)).toEqual([
      'breaking request-parameter-required-added',
      'non-breaking response-property-added',
      'non-breaking response-status-added',
    ]);
    expect(result.exitCode).toBe(1);
    // In report.md both findings sit under the one operation heading.
    const md = await readFile(path.join(reportDir, 'report.md'), 'utf8');
    const section = md.slice(md.indexOf('### `GET /notes/{id}`'), md.indexOf('## Coverage'));
    expect(section).toContain('**breaking_change**');
    expect(section).toContain('**response_schema_conformance**');
  }, 30_000);

  it('an unchanged spec plans nothing and finds nothing', async () => {
    const result = await run(
      {
        spec: path.join(dir, 'base.yaml'),
        changedSince: path.join(dir, 'base.yaml'),
        baseUrl: server.url,
        seed: 11,
        writeReports: false,
      },
      deps,
    );
    expect(result.requests).toBe(0);
    expect(result.findings).toEqual([]);
    expect(result.changeScope).toMatchObject({ changes: [], touched: [] });
  });

  const inGit = (() => {
    try {
      execFileSync('git', ['cat-file', '-e', 'HEAD:fixtures/run/changed-since/base.yaml'], {
        cwd: path.resolve(dir, '../../..'),
        stdio: 'ignore',
      });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!inGit)(
    'the CLI reads the base from git (ref:path), as specgate diff does',
    async () => {
      const reportDir = await mkdtemp(path.join(os.tmpdir(), 'specgate-changed-cli-'));
      const err: string[] = [];
      const io = {
        stdout: () => undefined,
        stderr: (t: string) => void err.push(t),
        interactive: false,
        env: {},
        cwd: path.resolve(dir, '../../..'),
      };
      const code = await main(
        [
          'run',
          '--spec',
          'fixtures/run/changed-since/head.yaml',
          '--changed-since',
          'HEAD:fixtures/run/changed-since/base.yaml',
          '--base-url',
          server.url,
          '--report-dir',
          reportDir,
          '--seed',
          '11',
        ],
        io,
      );
      expect(code, err.join('')).toBe(1);
      const md = await readFile(path.join(reportDir, 'report.md'), 'utf8');
      expect(md).toContain('## Spec changes since `HEAD:fixtures/run/changed-since/base.yaml`');
      expect(md).toContain('unchanged since HEAD:fixtures/run/changed-since/base.yaml (--changed-since)');
    },
    30_000,
  );
});
