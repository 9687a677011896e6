/**
 * Throughput of `specgate run` against the reference server, next to the raw throughput of the same server
 * measured by autocannon, plus peak memory. Each measurement gets a fresh server process (so rate-limit
 * windows and stored state do not leak between them). Run: `node --import tsx bench/run.ts [--seconds 5]`.
 * autocannon is only a bench tool: when it is not resolvable it is installed into a temp dir, never the project.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { run } from '../src/run/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, workers: { type: 'string', default: '10' } } });
const KEY = 'sk-aig-test';

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/specgate.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const m = /listening on (\S+)/.exec(buffered);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  return { url, child };
}

function loadAutocannon(): (opts: object) => Promise<{ requests: { average: number }; non2xx: number; errors: number }> {
  const fromProject = createRequire(path.join(root, 'package.json'));
  try {
    return fromProject('autocannon');
  } catch {
    const dir = path.join(os.tmpdir(), 'specgate-bench-autocannon');
    if (!existsSync(path.join(dir, 'node_modules/autocannon'))) {
      mkdtempSync(path.join(os.tmpdir(), 'x')); // ensure tmp is writable before npm runs
      execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', 'autocannon'], { stdio: 'inherit' });
    }
    return createRequire(path.join(dir, 'package.json'))('autocannon');
  }
}

async function rawRate(seconds: number): Promise<{ rps: number; non2xx: number }> {
  const autocannon = loadAutocannon();
  const { url, child } = await startServer();
  try {
    const result = await autocannon({
      url: `${url}/v1/models`, connections: 10, duration: seconds, headers: { authorization: `Bearer ${KEY}` },
    });
    return { rps: result.requests.average, non2xx: result.non2xx };
  } finally {
    child.kill();
  }
}

async function specgateRate(seconds: number, workers: number, readOnly: boolean) {
  const { url, child } = await startServer();
  try {
    // Large budget so the sending phase dominates; --max-duration bounds it.
    const cpu0 = process.cpuUsage();
    const result = await run({
      spec: path.join(root, 'openapi.json'), baseUrl: url, env: { SPECGATE_TOKEN: KEY }, seed: 1, workers, readOnly,
      budget: { example: 5, boundary: 40, positive: 60, negative: 60 }, maxDurationMs: seconds * 1000 * 3,
      reportDir: mkdtempSync(path.join(os.tmpdir(), 'specgate-bench-')), cwd: root,
    });
    const cpu = process.cpuUsage(cpu0);
    const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / result.requests;
    return { rps: (result.requests / result.durationMs) * 1000, requests: result.requests, ms: result.durationMs, checks: result.checks.length, cpuMsPerRequest, operations: result.operationsReached };
  } finally {
    child.kill();
  }
}

const seconds = Number(values.seconds);
const workers = Number(values.workers);
const raw = await rawRate(seconds);
const lines = [`raw server (autocannon, GET /v1/models, 10 connections, ${seconds} s): ${raw.rps.toFixed(0)} req/s${raw.non2xx ? ` (${raw.non2xx} non-2xx)` : ''}`];
for (const readOnly of [true, false]) {
  const sg = await specgateRate(seconds, workers, readOnly);
  lines.push(
    `specgate run, ${readOnly ? 'read-only (GET operations)' : 'every operation (incl. streamed chat)'}, ${sg.checks} checks, ${workers} workers: ` +
      `${sg.requests} requests over ${sg.operations} operations in ${(sg.ms / 1000).toFixed(1)} s = ${sg.rps.toFixed(0)} req/s = ${(sg.rps / raw.rps).toFixed(2)} of raw (target ≥ 0.5); ` +
      `${sg.cpuMsPerRequest.toFixed(2)} ms CPU per request (generate + send + checks + reports)`,
  );
}
lines.push(`peak RSS of the specgate process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
process.stdout.write(lines.join('\n') + '\n');
