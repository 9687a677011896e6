import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { refusedUrl, startServer, type TestServer } from '../../send/test-servers.ts';
import type { CommandIO } from '../command.ts';
import { main } from '../main.ts';
import { progressReporter } from './run.ts';

const SECRET = 'sk-secret-XYZ987abc';
const spec = path.resolve(import.meta.dirname, '../../../fixtures/run/echo-api.yaml');
let server: TestServer;
let seen: string[] = [];

beforeAll(async () => {
  // Reflects the caller's Authorization into a body that violates the schema: the secret lands in a finding.
  server = await startServer((req, res) => {
    seen.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== `Bearer ${SECRET}`) return void res.writeHead(401).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: req.headers.authorization }));
  });
});
afterAll(() => server.close());

async function cli(args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    interactive: false,
    env,
    cwd,
  };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'specgate-cli-'));
  const code = await main(['run', '--report-dir', dir, '--seed', '3', ...args], io);
  const files = await readdir(dir).catch(() => [] as string[]);
  const reports = await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const));
  return { code, stdout: out.join(''), stderr: err.join(''), reports };
}

describe('specgate run (CLI)', () => {
  it.each([
    ['-H', ['-H', `Authorization: Bearer ${SECRET}`], {}],
    ['SPECGATE_TOKEN', [], { SPECGATE_TOKEN: SECRET }],
  ])('a secret given via %s is sent, and appears in no report file nor output', async (_how, args, env) => {
    seen = [];
    const r = await cli(['--spec', spec, '--base-url', server.url, ...args], env as Record<string, string>);
    expect(seen).toContain(`Bearer ${SECRET}`);
    expect(r.code).toBe(1); // the reflected body violates the schema
    expect(r.reports.map(([f]) => f).sort()).toEqual([
      'exchanges.ndjson',
      'findings.json',
      'findings.ndjson',
      'junit.xml',
      'report.html',
      'report.md',
      'report.sarif',
      'summary.json',
    ]);
    expect(r.reports.some(([, text]) => text.includes('response_schema_conformance'))).toBe(true);
    for (const [file, text] of r.reports) expect(text.includes('XYZ987'), file).toBe(false);
    expect(r.stdout + r.stderr).not.toContain('XYZ987');
    expect(r.stdout).toMatch(/Seed\s+3\b/);
    expect(r.stdout).toContain('report.md');
  });

  it('reads specgate.config.yaml (spec, baseUrl, run:, auth:) and scrubs its secrets too', async () => {
    seen = [];
    const dir = await mkdtemp(path.join(os.tmpdir(), 'specgate-cfg-'));
    await writeFile(
      path.join(dir, 'specgate.config.yaml'),
      `spec: ${JSON.stringify(spec)}\nbaseUrl: ${server.url}\nrun:\n  workers: 1\n  maxRequests: 4\nauth:\n  bearer: ${SECRET}\n`,
    );
    const r = await cli([], {}, dir);
    expect(seen).toHaveLength(4);
    expect(seen).toContain(`Bearer ${SECRET}`);
    expect(r.stdout).toContain('stopped after --max-requests 4');
    for (const [file, text] of r.reports) expect(text.includes('XYZ987'), file).toBe(false);
  });

  it('--format json prints the summary as JSON on stdout', async () => {
    const r = await cli(['--spec', spec, '--base-url', server.url, '--format', 'json'], { SPECGATE_TOKEN: SECRET });
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      seed: 3,
      exitCode: 1,
      operations: { reached: 1 },
      findings: { byCheck: { response_schema_conformance: { error: 1 } } },
    });
  });

  it('--dry-run prints the plan and sends nothing', async () => {
    seen = [];
    const r = await cli(['--spec', spec, '--base-url', server.url, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GET /echo');
    expect(r.stdout).toMatch(/rejected: .*400.*accepted: 200-299/);
    expect(seen).toEqual([]);
  });

  it.each([
    ['an unknown check', ['--checks', 'nope'], 2, /unknown check "nope"; valid checks: all, not_a_server_error/],
    ['a bad -H', ['-H', 'oops'], 2, /-H expects "Name: value"/],
    ['a bad --shard', ['--shard', '3/2'], 2, /--shard expects i\/n/],
    ['--base-url without --spec', ['--spec', ''], 2, /--spec is required/],
  ])('%s is bad usage (exit 2)', async (_n, args, code, message) => {
    const r = await cli(['--spec', spec, '--base-url', server.url, ...args]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('an unreachable target exits 3 and names the URL', async () => {
    const url = await refusedUrl();
    const r = await cli(['--spec', spec, '--base-url', url]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(url.replace('http://', ''));
  });
});

describe('plain progress (piped, CI)', () => {
  it('prints at most a line every 2 s, and the all-done line once however many updates follow it', () => {
    vi.useFakeTimers({ now: 0 });
    const lines: string[] = [];
    const io = {
      stdout: () => undefined,
      stderr: (t: string) => void lines.push(t),
      interactive: false,
      env: {},
      cwd: '/',
    };
    const progress = progressReporter(io);
    const at = (done: number, findings: number) =>
      progress.update({ operationsDone: done, operationsTotal: 3, requests: 10, findings } as never);
    at(1, 0);
    at(2, 0);
    at(3, 0); // all done: printed although within 2 s
    for (let f = 1; f <= 50; f++) at(3, f); // finishing: findings grow, still within 2 s
    vi.setSystemTime(2500);
    at(3, 51);
    vi.useRealTimers();
    expect(lines).toEqual([
      'specgate: 1/3 operations, 10 requests, 0 findings\n',
      'specgate: 3/3 operations, 10 requests, 0 findings\n',
      'specgate: 3/3 operations, 10 requests, 51 findings\n',
    ]);
  });
});
