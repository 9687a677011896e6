/**
 * `specgate run`: parses flags onto RunOptions, shows progress, prints the seed and a summary, and maps the
 * result onto an exit code. All the work is in `src/run/`.
 */
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { HarnessError } from '../../errors.ts';
import { formatPlan, parseShard } from '../../plan/index.ts';
import summaryJson from '../../report/summary-json.ts';
import { planRun, run, type RunOptions, type RunProgress } from '../../run/index.ts';
import { formatSummary } from '../../run/summary.ts';
import { optionsFromConfig, ratePerSecond } from '../../run/config.ts';
import { loadSuites, parseInputs } from '../../run/suites.ts';
import { loadSpec } from '../../load/index.ts';
import { isGitSource, loadGitSpec } from './diff-git.ts';
import { loadConfig } from '../../config/index.ts';
import type { CaseKind, Severity, Spec } from '../../types.ts';
import type { Command, CommandIO } from '../command.ts';

const USAGE = `Usage: specgate run [--spec S] [--base-url URL] [options]

Sends generated requests to an API and reports every way its responses drift from the OpenAPI description.
Without --base-url, starts the embedded reference server (openapi.json, its key, optional --drift) and runs
against it: \`npm start\` is the full harness against the reference API.

Target and auth:
  --spec S               OpenAPI file or URL (required with --base-url; default: the reference openapi.json)
  --base-url URL         API under test (a path prefix such as /api is kept)
  -H, --header "N: v"    Header sent with every request, curl style; repeatable (e.g. -H "Authorization: Bearer $T")
  --insecure             Do not verify TLS certificates
  --drift NAME,...       Plant drifts in the embedded reference server (ignored with --base-url)
  Credentials from the environment, applied where the spec's securitySchemes say:
    SPECGATE_TOKEN               bearer token (http bearer, oauth2, openIdConnect)
    SPECGATE_API_KEY             apiKey schemes, in the header/query/cookie the scheme names
    SPECGATE_USERNAME/_PASSWORD  http basic
    SPECGATE_AUTH_<SCHEME>       one scheme by name (upper case, non-alphanumerics as _), e.g. SPECGATE_AUTH_API_KEY
    SPECGATE_OAUTH2_CLIENT_ID/_CLIENT_SECRET  OAuth2 client credentials: the token is fetched (and refreshed)
                                 from SPECGATE_OAUTH2_TOKEN_URL or the spec's clientCredentials flow;
                                 SPECGATE_OAUTH2_SCOPES asks for scopes (space-separated)
  Secrets never appear in reports, curl repros or output: they are replaced by [REDACTED].

What to run:
  --checks a,b|all       Checks to run (default all); an unknown id lists the valid ones
  --include SEL          Only operations matching: operationId, tag:Name, GET, /v1/models*, "POST /v1/*"; repeatable
  --exclude SEL          Leave operations out (same selectors); repeatable
  --read-only            Only GET, HEAD and OPTIONS operations (safe against production)
  --budget k=n,...       Cases per operation by kind (example, boundary, positive, negative), e.g. negative=20
  --shard i/n            Run the i-th of n deterministic slices of the operations (merge with specgate merge)
  --seed N               Reproduce a previous run exactly (every run prints its seed)
  --dry-run              Print the plan (operations, budgets, status policies, skipped and why) and exit
  --changed-since BASE   Spend the run on what a spec change touches: only operations the diff from BASE changes
                         (BASE as specgate diff reads it: file, URL or git ref:path, e.g. origin/main:openapi.json)
                         are planned, the rest are listed as unchanged; each breaking change is a breaking_change
                         error finding under its operation, beside that operation's runtime findings

Suites (stateful contracts, Arazzo 1.0; see suites/README.md):
  --suite FILE           Run the workflows of an Arazzo suite with the run's credentials; repeatable. Each step's
                         response is judged by the response checks (status, content type, headers, schema, server
                         errors, SSE); a failed criterion is a finding located in the suite. With --suite, only the
                         suites run: a suite run is meant to check the suite
  --fuzz                 With --suite, also fuzz every planned operation first (the usual run, then the suites)
  --input NAME=VALUE     Suite workflow input, e.g. --input embeddingModel=openai/text-embedding-3-small; repeatable

Limits:
  --workers N            Concurrent requests (default 4)
  --timeout MS           Per-request deadline, headers and body (default 10000)
  --max-requests N       Stop after N requests in all: chains and suites count (a suite once started runs to its end)
  --max-duration S       Stop after S seconds
  --rate-limit R         Requests per second for the whole run (e.g. 5, 5/s, 300/m)
  429 answers (and 503 with Retry-After) are retried on that operation later, honouring Retry-After (capped
  at 10 s, at most 3 attempts); every retry is listed in the report notes.

Output:
  --config F             Config file (default: specgate.config.yaml in the working directory); its run:, checks:
                         and auth: sections apply, flags win over it, SPECGATE_* variables win over auth:.
                         Status policies (run.policies: which statuses count as accepted/rejected, per
                         operation) are set only there
  --report-dir D         Where report files go (default reports/); rewritten after each operation
  --baseline F           A previous findings.json: findings are marked new/known, only new errors fail
  --format text|json     json prints the summary JSON on stdout (human output then goes to stderr)

Exit codes: 0 clean, 1 new error-level findings, 2 bad usage or unusable spec, 3 target unreachable,
130 interrupted (reports hold what ran).`;

const OPTIONS = {
  spec: { type: 'string' },
  'base-url': { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  insecure: { type: 'boolean' },
  drift: { type: 'string', multiple: true },
  checks: { type: 'string', multiple: true },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'read-only': { type: 'boolean' },
  budget: { type: 'string' },
  shard: { type: 'string' },
  seed: { type: 'string' },
  'dry-run': { type: 'boolean' },
  workers: { type: 'string' },
  timeout: { type: 'string' },
  'max-requests': { type: 'string' },
  'max-duration': { type: 'string' },
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
    seed: int(v.seed, '--seed'),
    workers: int(v.workers, '--workers', 1),
    timeoutMs: int(v.timeout, '--timeout', 1),
    maxRequests: int(v['max-requests'], '--max-requests', 1),
    maxDurationMs: maxDuration !== undefined ? maxDuration * 1000 : undefined,
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
    severities: { ...fromConfig.severities, ...severities(v.severity) },
    budget: { ...fromConfig.budget, ...budget(v.budget) },
    cwd: io.cwd,
    env: fromConfig.env ?? io.env,
    ...((v['changed-since'] ?? fromConfig.changedSince) ? { loadBaseSpec: readBaseSpec } : {}),
    drift: (v.drift ?? []).flatMap((d) => d.split(',')).filter(Boolean),
  };
  return { options, dryRun: v['dry-run'] ?? false, json: v.format === 'json' };
}

/** Progress: a bar on a terminal, a plain line at most every 2 s otherwise. */
function progressReporter(io: CommandIO): { update(p: RunProgress): void; stop(): void } {
  if (io.interactive) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'operations {bar} {value}/{total} | requests {requests} | findings {findings}',
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.operationsTotal, 0, { requests: 0, findings: 0 });
        started = true;
        bar.update(p.operationsDone, { requests: p.requests, findings: p.findings });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p) {
      if (Date.now() - last < 2000 && p.operationsDone < p.operationsTotal) return;
      last = Date.now();
      io.stderr(
        `specgate: ${p.operationsDone}/${p.operationsTotal} operations, ${p.requests} requests, ${p.findings} findings\n`,
      );
    },
    stop: () => undefined,
  };
}

const command: Command = {
  name: 'run',
  summary: 'send generated requests to an API (or the reference server) and report drift',
  usage: USAGE,
  async run(argv, io) {
    const { options, dryRun, json } = optionsFromArgs(argv, io);
    const say = json ? io.stderr : io.stdout;
    if (options.baseUrl && options.drift?.length)
      io.stderr('specgate: --drift only applies to the embedded reference server; ignored with --base-url\n');
    if (dryRun) {
      const { plan, spec } = await planRun(options);
      io.stdout(formatPlan(plan));
      for (const s of await loadSuites(options.suites ?? [], io.cwd, spec, options.readOnly))
        io.stdout(`suite ${s.file}: ${s.workflows.map((w) => w.workflowId).join(', ')}\n`);
      return 0;
    }
    options.seed ??= randomInt(2 ** 31);
    io.stderr(`specgate: seed ${options.seed}${options.baseUrl ? '' : ' (target: embedded reference server)'}\n`);
    const controller = new AbortController();
    const onSigint = () => {
      if (controller.signal.aborted) process.exit(130);
      io.stderr('\nspecgate: interrupted; finishing the reports (Ctrl-C again to quit at once)\n');
      controller.abort();
    };
    process.on('SIGINT', onSigint);
    const progress = progressReporter(io);
    try {
      const result = await run({ ...options, signal: controller.signal, onProgress: (p) => progress.update(p) });
      progress.stop();
      const report = path.join(path.resolve(io.cwd, options.reportDir ?? 'reports'), 'report.md');
      say(formatSummary(result, report));
      if (json) io.stdout(summaryJson.run(result).trimEnd() + '\n');
      return controller.signal.aborted ? 130 : result.exitCode;
    } finally {
      progress.stop();
      process.off('SIGINT', onSigint);
    }
  },
};

export default command;
