/**
 * One `specgate run` of a benchmark target, through the CLI only, so any build can be measured (this checkout or
 * another, `--specgate PATH`): a fresh target per run (no state leaks between runs), a fresh report folder, the
 * wall time from spawn to exit, and findings.json / summary.json as that build wrote them.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchTarget } from '../targets/types.ts';
import type { Finding, RunRecord } from './score.ts';

/** How long past its own --max-duration a run may take before the benchmark stops it (start-up, report writing). */
const GRACE_MS = 60_000;

/** What to run. */
export interface RunSpec {
  /** Root of the specgate checkout whose `bin/specgate.js` is measured. */
  specgate: string;
  target: BenchTarget;
  mode: 'drift' | 'clean';
  budget: number;
  seed: number;
  /** Extra arguments for `specgate run`. */
  extra: string[];
}

/** The environment of a run: the bench's own, without SPECGATE_* (credentials come from the target only). */
function environment(target: BenchTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SPECGATE_')) env[k] = v;
  return { ...env, ...target.env, NO_COLOR: '1', CI: '1' };
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Starts the target, runs specgate against it, stops the target; never throws for a failing run. */
export async function runOnce(spec: RunSpec): Promise<RunRecord> {
  const dir = mkdtempSync(path.join(tmpdir(), 'specgate-recall-'));
  const running = await spec.target.start(spec.mode);
  const base = { target: spec.target.name, mode: spec.mode, budget: spec.budget, seed: spec.seed };
  try {
    const args = [
      path.join(spec.specgate, 'bin/specgate.js'),
      'run',
      ...['--spec', spec.target.spec, '--base-url', running.url],
      ...spec.target.headers.flatMap((h) => ['-H', h]),
      ...['--max-duration', String(spec.budget), '--seed', String(spec.seed), '--report-dir', dir],
      ...spec.extra,
    ];
    const t0 = performance.now();
    // cwd is the empty report folder, so no specgate.config.yaml of any checkout applies.
    const { code, stderr, timedOut } = await exec(args, dir, environment(spec.target), spec.budget * 1000 + GRACE_MS);
    const wallMs = performance.now() - t0;
    const findings = readJson(path.join(dir, 'findings.json')) as Finding[] | undefined;
    const summary = readJson(path.join(dir, 'summary.json')) as { requests?: number; durationMs?: number } | undefined;
    const error = timedOut
      ? `stopped after ${spec.budget} s + ${GRACE_MS / 1000} s grace`
      : findings === undefined || code >= 2
        ? `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`
        : undefined;
    return {
      ...base,
      wallMs,
      requests: summary?.requests ?? null,
      runMs: summary?.durationMs ?? null,
      exitCode: code,
      findings: findings ?? [],
      ...(error ? { error } : {}),
    };
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `node args` in `cwd`; kills the child (by its own pid) past `limitMs`. */
function exec(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  limitMs: number,
): Promise<{ code: number; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr, timedOut });
    });
  });
}
