/** `specgate run` flags → RunOptions: flags win over the config file, SPECGATE_* variables over its `auth:`. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.ts';
import { optionsFromConfig, ratePerSecond } from '../../config/run-options.ts';
import { HarnessError } from '../../errors.ts';
import { loadSpec } from '../../load/index.ts';
import { parseShard } from '../../plan/index.ts';
import type { RunOptions } from '../../run-options.ts';
import type { CaseKind, Severity, Spec } from '../../types.ts';
import type { CommandIO } from '../command.ts';
import { isGitSource, loadGitSpec } from './diff-git.ts';

const OPTIONS = {
  spec: { type: 'string' },
  'base-url': { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  secret: { type: 'string', multiple: true },
  insecure: { type: 'boolean' },
  drift: { type: 'string', multiple: true },
  checks: { type: 'string', multiple: true },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'read-only': { type: 'boolean' },
  'keep-order': { type: 'boolean' },
  'callback-url': { type: 'string' },
  budget: { type: 'string' },
  shard: { type: 'string' },
  seed: { type: 'string' },
  'dry-run': { type: 'boolean' },
  workers: { type: 'string' },
  timeout: { type: 'string' },
  'max-requests': { type: 'string' },
  'max-duration': { type: 'string' },
  depth: { type: 'string' },
  'rate-limit': { type: 'string' },
  'report-dir': { type: 'string' },
  baseline: { type: 'string' },
  format: { type: 'string' },
  severity: { type: 'string', multiple: true },
  config: { type: 'string' },
  suite: { type: 'string', multiple: true },
  fuzz: { type: 'boolean' },
  input: { type: 'string', multiple: true },
  'changed-since': { type: 'string' },
} as const;

function int(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new HarnessError('USAGE', `${flag} expects an integer ≥ ${min}, got "${value}"`);
  return n;
}

function rate(value: string | undefined): number | undefined {
  return value === undefined ? undefined : ratePerSecond(value);
}

function budget(value: string | undefined): Partial<Record<CaseKind, number>> {
  const out: Partial<Record<CaseKind, number>> = {};
  for (const pair of (value ?? '').split(',').filter(Boolean)) {
    const [kind, n] = pair.split('=');
    if (!['example', 'boundary', 'positive', 'negative'].includes(kind ?? ''))
      throw new HarnessError('USAGE', `--budget kinds are example, boundary, positive, negative; got "${kind}"`);
    out[kind as CaseKind] = int(n, `--budget ${kind}`)!;
  }
  return out;
}

function severities(values: string[] | undefined): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const pair of (values ?? []).flatMap((v) => v.split(','))) {
    const [id, level] = pair.split('=');
    if (!id || !['error', 'warn', 'off'].includes(level ?? ''))
      throw new HarnessError('USAGE', `--severity expects check=error|warn|off, got "${pair}"`);
    out[id] = level as Severity;
  }
  return out;
}

/** The `--changed-since` base, read as `specgate diff` reads its sources (git `ref:path` included). */
function readBaseSpec(source: string, cwd: string): Promise<Spec> {
  return isGitSource(source, cwd) ? loadGitSpec(source, cwd) : loadSpec(source, { cwd });
}

/** Maps parsed flags onto RunOptions. */
export function optionsFromArgs(
  argv: string[],
  io: CommandIO,
): { options: Partial<RunOptions>; dryRun: boolean; json: boolean } {
  const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (positionals.length > 0)
    throw new HarnessError('USAGE', `unexpected argument "${positionals[0]}" (see specgate run --help)`);
  if (v.format !== undefined && v.format !== 'text' && v.format !== 'json')
    throw new HarnessError('USAGE', `--format is text or json, got "${v.format}"`);
  const maxDuration = v['max-duration'] !== undefined ? Number(v['max-duration']) : undefined;
  if (maxDuration !== undefined && !(maxDuration > 0))
    throw new HarnessError('USAGE', `--max-duration expects seconds > 0, got "${v['max-duration']}"`);
  const { config } = loadConfig(io.cwd, v.config);
  const fromConfig = optionsFromConfig(config, io.env).options;
  const flags: Partial<RunOptions> = {
    spec: v.spec,
    baseUrl: v['base-url'],
    checks: v.checks,
    include: v.include,
    exclude: v.exclude,
    readOnly: v['read-only'],
    switchesLast: v['keep-order'] ? false : undefined,
    callbackUrl: v['callback-url'],
    seed: int(v.seed, '--seed'),
    workers: int(v.workers, '--workers', 1),
    timeoutMs: int(v.timeout, '--timeout', 1),
    maxRequests: int(v['max-requests'], '--max-requests', 1),
    maxDurationMs: maxDuration !== undefined ? maxDuration * 1000 : undefined,
    // The command's wall time is what the user bounds: count from the process start (performance's time origin).
    ...(maxDuration !== undefined ? { startedAt: 0 } : {}),
    depth: int(v.depth, '--depth', 0),
    rateLimit: rate(v['rate-limit']),
    reportDir: v['report-dir'],
    baseline: v.baseline,
    insecure: v.insecure,
    suites: v.suite,
    fuzz: v.fuzz,
    inputs: v.input ? parseInputs(v.input) : undefined,
    changedSince: v['changed-since'],

    ...(v.shard ? { shard: parseShard(v.shard) } : {}),
  };
  const defined = Object.fromEntries(Object.entries(flags).filter(([, x]) => x !== undefined));
  const options: Partial<RunOptions> = {
    ...Object.fromEntries(Object.entries(fromConfig).filter(([, x]) => x !== undefined)),
    ...defined,
    headers: [...(fromConfig.headers ?? []), ...(v.header ?? [])],
    secretNames: [...(fromConfig.secretNames ?? []), ...(v.secret ?? [])],
    severities: { ...fromConfig.severities, ...severities(v.severity) },
    budget: { ...fromConfig.budget, ...budget(v.budget) },
    cwd: io.cwd,
    env: fromConfig.env ?? io.env,
    ...((v['changed-since'] ?? fromConfig.changedSince) ? { loadBaseSpec: readBaseSpec } : {}),
    drift: (v.drift ?? []).flatMap((d) => d.split(',')).filter(Boolean),
  };
  return { options, dryRun: v['dry-run'] ?? false, json: v.format === 'json' };
}

/** Parses `--input NAME=VALUE` pairs; numbers, booleans and null are read as JSON, anything else stays text. */
export function parseInputs(values: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    values.map((v) => {
      const eq = v.indexOf('=');
      if (eq <= 0) throw new HarnessError('USAGE', `--input expects NAME=VALUE, got "${v}"`);
      const raw = v.slice(eq + 1);
      return [v.slice(0, eq), /^-?\d+(\.\d+)?$|^(true|false|null)$/.test(raw) ? JSON.parse(raw) : raw];
    }),
  );
}
