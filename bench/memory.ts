/**
 * Memory on long runs: peak RSS and heap of `specgate run --max-requests N` for growing N, against the reference
 * server with every drift on and against a target answering random bodies (the worst case for kept findings).
 * Each run is its own child process through the CLI (so any build can be measured: `--specgate PATH`), preloaded
 * with `memory/sampler.mjs`, which samples its memory every 20 ms; every run gets a fresh target.
 * Memory that stays flat as N grows is the target: a run keeps no list of what it sent.
 *   node --import tsx bench/memory.ts [--sizes 20000,100000,200000] [--targets reference,random]
 *                                     [--workers 8] [--specgate DIR] [--json out.json] [--live]
 * --live also gives the peak live heap: the heap after a full collection every 5 s (what the run retains, apart
 * from the garbage the collector has not reclaimed yet), at the cost of those collections.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createReferenceServer } from '../src/reference/index.ts';
import { startRandomTarget } from './memory/random-target.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '20000,100000,200000' },
    targets: { type: 'string', default: 'reference,random' },
    workers: { type: 'string', default: '8' },
    specgate: { type: 'string', default: root },
    json: { type: 'string' },
    live: { type: 'boolean' },
  },
});

const KEY = 'sk-aig-test';
const TARGETS: Record<string, () => Promise<{ url: string; close(): Promise<void> }>> = {
  async reference() {
    const server = createReferenceServer({ key: KEY, drift: ['all'] });
    const { url } = await server.listen(0);
    return { url, close: () => server.close() };
  },
  random: () => startRandomTarget(1),
};

interface Row {
  target: string;
  size: number;
  exitCode: number;
  wallS: number;
  requests: number | null;
  findings: number | null;
  findingsJsonMb: number | null;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  liveHeapMb: number;
  cpuS: number;
}

const readJson = (file: string): unknown => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

async function measure(target: string, size: number): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), 'specgate-memory-'));
  const running = await TARGETS[target]!();
  try {
    const out = path.join(dir, 'memory.json');
    const args = [
      ...(values.live ? ['--expose-gc'] : []),
      ...['--import', path.join(root, 'bench/memory/sampler.mjs')],
      path.join(values.specgate, 'bin/specgate.js'),
      'run',
      ...['--spec', path.join(values.specgate, 'openapi.json'), '--base-url', running.url],
      ...['-H', `Authorization: Bearer ${KEY}`, '--seed', '1', '--workers', values.workers],
      ...['--max-requests', String(size), '--report-dir', path.join(dir, 'reports')],
    ];
    const t0 = performance.now();
    const exitCode = await exec(args, dir, { ...process.env, SPECGATE_MEMORY_OUT: out, NO_COLOR: '1', CI: '1' });
    const wallS = (performance.now() - t0) / 1000;
    const peak = readJson(out) as Pick<Row, 'rssMb' | 'heapUsedMb' | 'externalMb' | 'liveHeapMb' | 'cpuS'>;
    const summary = readJson(path.join(dir, 'reports/summary.json')) as { requests?: number } | undefined;
    const json = path.join(dir, 'reports/findings.json');
    const findings = readJson(json) as unknown[] | undefined;
    return {
      ...{ target, size, exitCode, wallS: Math.round(wallS * 10) / 10, requests: summary?.requests ?? null },
      findings: findings?.length ?? null,
      findingsJsonMb: existsSync(json) ? Math.round((statSync(json).size / 2 ** 20) * 10) / 10 : null,
      ...peak,
    };
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `node args`; its stderr tail is printed when it fails. */
function exec(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => {
      if ((code ?? -1) >= 2) console.error(stderr);
      resolve(code ?? -1);
    });
  });
}

const rows: Row[] = [];
console.log(
  'target     requests(max)  exit   wall s    CPU s    sent  findings  findings.json MB  peak RSS MB  peak heap MB  live heap MB',
);
for (const target of values.targets.split(',')) {
  for (const size of values.sizes.split(',').map(Number)) {
    const r = await measure(target, size);
    rows.push(r);
    const live = values.live ? r.liveHeapMb : undefined;
    const cells = [r.exitCode, r.wallS, r.cpuS, r.requests, r.findings, r.findingsJsonMb, r.rssMb, r.heapUsedMb, live];
    console.log(
      `${target.padEnd(10)} ${String(size).padStart(13)}  ${cells.map((c, i) => String(c ?? '-').padStart([4, 8, 8, 7, 9, 17, 12, 13, 13][i]!)).join(' ')}`,
    );
  }
}
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 2));
