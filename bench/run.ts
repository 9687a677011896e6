/**
 * Throughput of `specgate run` against the reference server next to the raw throughput of the same server measured
 * by autocannon, plus CPU per request and peak memory. Every measurement gets a fresh server process (rate-limit
 * windows and stored state do not leak between them); each specgate run is its own child process, so its peak RSS
 * and CPU are its own, with modules loaded before the clock starts. autocannon replays two loads: a representative
 * GET, and the very requests specgate generated (shuffled, so any prefix has the same operation mix).
 * Run: `node --import tsx bench/run.ts [--seconds 5] [--workers 8,16] [--repeat 3] [--thread on|off|auto]`.
 * "Sustained" is the rate after the first third of the requests, past start-up (JIT, schema compilation).
 * autocannon is only a bench tool: when it is not resolvable it is installed into a temp dir, never the project.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const KEY = 'sk-aig-test';
const BUDGET = { example: 5, boundary: 40, positive: 60, negative: 60 };
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    workers: { type: 'string', default: '10' },
    child: { type: 'string' },
    url: { type: 'string' },
    'read-only': { type: 'boolean' },
    mix: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    thread: { type: 'string', default: 'auto' },
  },
});

/** One specgate run as the child measured it. */
interface Measured {
  requests: number;
  durationMs: number;
  cpuMs: number;
  maxRssMb: number;
  checks: number;
  operations: number;
  /** Requests per second after the first third of the requests: past start-up (JIT, schema compilation). */
  sustainedRps: number;
}

/** Child mode: one `run()` against `--url`; afterwards writes the wire requests it generated to `--mix`. */
async function child(): Promise<void> {
  const { STAGES: deps } = await import('../src/stages.ts');
  const { run, planRun } = await import('../src/pipeline.ts');
  const { generateHere } = await import('../src/generate/prepare.ts');
  const { applyAuth, authFor, wireRequest } = await import('../src/send/index.ts');
  const { readCredentials } = await import('../src/credentials/index.ts');
  const options = {
    spec: path.join(root, 'openapi.json'),
    baseUrl: values.url,
    env: { SPECGATE_TOKEN: KEY },
    seed: 1,
    workers: Number(values.child),
    readOnly: values['read-only'] ?? false,
    budget: BUDGET,
    cwd: root,
    ...(values.thread === 'auto' ? {} : { generationThread: values.thread === 'on' }),
  };
  const progress: Array<{ at: number; requests: number }> = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await run(
    {
      ...options,
      maxDurationMs: Number(values.seconds) * 1000 * 3,
      reportDir: mkdtempSync(path.join(os.tmpdir(), 'specgate-bench-')),
      onProgress: (p) => progress.push({ at: performance.now() - t0, requests: p.requests }),
    },
    deps,
  );
  const cpu = process.cpuUsage(cpu0);
  if (values.mix) {
    // Generation is deterministic: the plan and seed give back exactly the cases the run sent (probes aside).
    const { spec, plan } = await planRun(options, deps);
    const validator = deps.createValidator(spec);
    const creds = readCredentials([], { SPECGATE_TOKEN: KEY });
    const wire = plan.operations.flatMap((planned) =>
      generateHere(spec, planned, deps.generateCases, validator)
        .flatMap((r) => r.cases)
        .map((c) => wireRequest(applyAuth(c, authFor(spec, planned.operation, creds), creds), values.url!)),
    );
    writeFileSync(
      values.mix,
      JSON.stringify(
        wire.map((w) => ({
          method: w.method,
          path: w.path,
          headers: w.headers,
          ...(w.body !== undefined ? { body: w.body } : {}),
        })),
      ),
    );
  }
  const last = progress.at(-1);
  const third = progress.find((p) => last && p.requests >= last.requests / 3);
  const measured: Measured = {
    requests: result.requests,
    durationMs: result.durationMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    checks: result.checks.length,
    operations: result.operationsReached,
    sustainedRps:
      last && third && last.at > third.at ? ((last.requests - third.requests) / (last.at - third.at)) * 1000 : NaN,
  };
  process.stdout.write(JSON.stringify(measured) + '\n');
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const server = spawn(process.execPath, [path.join(root, 'bin/specgate.js'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const m = /listening on (\S+)/.exec(buffered);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  return { url, child: server };
}

/** CPU time (ms) a process has used so far, from /proc; NaN where there is no /proc. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return NaN;
  }
}

type Autocannon = (
  opts: object,
) => Promise<{ requests: { average: number; total: number }; non2xx: number; errors: number }>;

function loadAutocannon(): Autocannon {
  try {
    return createRequire(path.join(root, 'package.json'))('autocannon');
  } catch {
    const dir = path.join(os.tmpdir(), 'specgate-bench-autocannon');
    if (!existsSync(path.join(dir, 'node_modules/autocannon'))) {
      execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', 'autocannon'], {
        stdio: 'inherit',
      });
    }
    return createRequire(path.join(dir, 'package.json'))('autocannon');
  }
}

/** A row of the table: one load against a fresh server. */
interface Row {
  load: string;
  rps: number;
  sustainedRps?: number;
  requests: number;
  serverMsPerRequest: number;
  clientMsPerRequest?: number;
  rssMb?: number;
  note?: string;
}

/** autocannon against a fresh server: one GET, or the requests specgate generated (`mix`). */
async function autocannonRow(load: string, seconds: number, connections: number, mix?: string): Promise<Row> {
  const autocannon = loadAutocannon();
  const { url, child: server } = await startServer();
  try {
    const requests = mix
      ? shuffled(JSON.parse(readFileSync(mix, 'utf8')) as Array<Record<string, unknown>>)
      : undefined;
    const cpu0 = cpuMsOf(server.pid);
    const own0 = process.cpuUsage();
    const r = await autocannon({
      url: mix ? url : `${url}/v1/models`,
      connections,
      duration: seconds,
      headers: { authorization: `Bearer ${KEY}` },
      ...(requests ? { requests } : {}),
    });
    const own = process.cpuUsage(own0);
    const total = r.requests.total;
    return {
      load,
      rps: r.requests.average,
      requests: total,
      serverMsPerRequest: (cpuMsOf(server.pid) - cpu0) / total,
      clientMsPerRequest: (own.user + own.system) / 1000 / total,
      note: r.non2xx ? `${r.non2xx} non-2xx` : undefined,
    };
  } finally {
    server.kill();
  }
}

/** Deterministic shuffle (fixed LCG), so every connection's prefix of the list has the whole mix. */
function shuffled<T>(list: T[]): T[] {
  const out = [...list];
  let s = 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One specgate run in a child process against a fresh server. */
async function specgateRow(
  load: string,
  seconds: number,
  workers: number,
  readOnly: boolean,
  mix?: string,
): Promise<Row & { checks: number }> {
  const { url, child: server } = await startServer();
  try {
    const cpu0 = cpuMsOf(server.pid);
    const args = [
      '--import',
      'tsx',
      path.join(root, 'bench/run.ts'),
      '--child',
      String(workers),
      '--url',
      url,
      '--seconds',
      String(seconds),
      '--thread',
      values.thread,
      ...(readOnly ? ['--read-only'] : []),
      ...(mix ? ['--mix', mix] : []),
    ];
    const out = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    });
    const m = JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
    return {
      load,
      rps: (m.requests / m.durationMs) * 1000,
      sustainedRps: m.sustainedRps,
      requests: m.requests,
      serverMsPerRequest: (cpuMsOf(server.pid) - cpu0) / m.requests,
      clientMsPerRequest: m.cpuMs / m.requests,
      rssMb: m.maxRssMb,
      checks: m.checks,
      note: `${m.operations} operations`,
    };
  } finally {
    server.kill();
  }
}

function table(rows: Row[]): string {
  const head = [
    'load',
    'req/s',
    'sustained req/s',
    'requests',
    'client ms CPU/req',
    'server ms CPU/req',
    'peak RSS',
    'note',
  ];
  const body = rows.map((r) => [
    r.load,
    r.rps.toFixed(0),
    r.sustainedRps?.toFixed(0) ?? '–',
    String(r.requests),
    r.clientMsPerRequest?.toFixed(2) ?? '–',
    Number.isFinite(r.serverMsPerRequest) ? r.serverMsPerRequest.toFixed(2) : 'n/a',
    r.rssMb ? `${r.rssMb.toFixed(0)} MB` : '–',
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return [head, widths.map((w) => '-'.repeat(w)), ...body]
    .map((cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |')
    .join('\n');
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const repeat = Math.max(1, Number(values.repeat));
  const lines: string[] = [];
  for (const workers of values.workers.split(',').map(Number)) {
    // Each repetition pairs a specgate run with autocannon replaying its requests; the ratios are per pair, and
    // the median of them is quoted, because other processes on a small machine move single runs by ±20 %.
    const pairs: Array<{ full: Row & { checks: number }; raw: Row }> = [];
    for (let i = 0; i < repeat; i++) {
      const mix = path.join(mkdtempSync(path.join(os.tmpdir(), 'specgate-bench-mix-')), 'mix.json');
      const full = await specgateRow(
        `specgate, every operation, ${workers} workers (${i + 1})`,
        seconds,
        workers,
        false,
        mix,
      );
      pairs.push({
        full,
        raw: await autocannonRow(
          `autocannon, the same requests, ${workers} connections (${i + 1})`,
          seconds,
          workers,
          mix,
        ),
      });
    }
    const readOnly = await specgateRow(`specgate, read-only (GETs), ${workers} workers`, seconds, workers, true);
    const rawGet = await autocannonRow(`autocannon, GET /v1/models, ${workers} connections`, seconds, workers);
    const sustained = median(pairs.map((p) => p.full.sustainedRps! / p.raw.rps));
    const whole = median(pairs.map((p) => p.full.rps / p.raw.rps));
    lines.push(
      table([...pairs.flatMap((p) => [p.full, p.raw]), readOnly, rawGet]),
      '',
      `ratio, same requests, sustained past start-up (the figure to quote): ${sustained.toFixed(2)} of raw with all ${pairs[0]!.full.checks} checks (target ≥ 0.5; median of ${repeat})`,
      `ratio, same requests, whole run including start-up (JIT, schema compilation, ~${(pairs[0]!.full.requests / 1000).toFixed(1)}k requests): ${whole.toFixed(2)} of raw`,
      `ratio, read-only vs a single GET: ${(readOnly.rps / rawGet.rps).toFixed(2)} of raw`,
      `generation thread: ${values.thread} (--thread on|off|auto)`,
      '',
    );
  }
  lines.push(
    `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (other processes share them; compare ratios, not absolute rates)`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

await (values.child ? child() : main());
