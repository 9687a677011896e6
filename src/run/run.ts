/**
 * `run(options)`: load → plan → generate → send → check → report, for the CLI and for library users.
 * Reports are re-written after each operation finishes, so an interrupted run still leaves usable files.
 */
import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Check } from '../check/check.ts';
import { HarnessError } from '../errors.ts';
import { buildPlan } from '../plan/index.ts';
import { breakingFindings, scopeToChanges } from '../plan/changed-since.ts';
import type { ChangeScope, Plan, ReportedFinding, RunResult, Case, CaseKind, Spec } from '../types.ts';
import {
  applyAuth,
  authFor,
  createDispatcher,
  createRateLimiter,
  readCredentials,
  secretValues,
  stripCredentials,
  type Credentials,
} from '../send/index.ts';
import { loadDeps, type RunDeps } from './deps.ts';
import { readBaseline } from '../report/baseline.ts';
import { dedupeFindings } from '../report/findings.ts';
import { withDefaults, type RunOptions } from '../run-options.ts';
import { enqueueCases, newOperationState, type JudgeEnv, type OperationState } from './operation.ts';
import { generateHere, kindsOf, prepareCases } from '../generate/prepare.ts';
import type { KindResult } from '../generate/generation-pool.ts';
import { buildResult } from '../report/result.ts';
import { createProcessor } from './process.ts';
import { schedule } from './scheduler.ts';
import { replayBase } from '../report/replay.ts';
import { runStatefulPhase } from '../workflows/stateful-phase.ts';
import { loadSuites, runSuitePhase, type SuiteOutcome } from '../workflows/suite-phase.ts';
import { suitePlan } from '../plan/suite-plan.ts';
import { withSuites } from '../report/with-suites.ts';
import { openTarget } from './target.ts';
import { startToken } from '../send/token.ts';
import { createReportWriter } from '../report/write.ts';

const VERSION = '0.1.0';

/** The spec and plan a run would execute (what `--dry-run` prints); no request is sent. */
export async function planRun(
  partial: Partial<RunOptions>,
  deps?: RunDeps,
): Promise<{ spec: Spec; plan: Plan; deps: RunDeps; scope?: ChangeScope }> {
  const options = withDefaults(partial);
  const d = deps ?? (await loadDeps());
  const source = options.spec ?? (options.baseUrl ? undefined : d.referenceSpec);
  if (!source)
    throw new HarnessError(
      'USAGE',
      '--spec is required with --base-url (the OpenAPI description of the API under test)',
    );
  const spec = await d.loadSpec(source, { cwd: options.cwd });
  const seed = options.seed ?? randomInt(2 ** 31);
  const full = buildPlan(
    spec,
    {
      available: [...d.checks, ...(d.stateful?.checks ?? [])],
      checks: options.checks,
      severities: options.severities,
      include: options.include,
      exclude: options.exclude,
      readOnly: options.readOnly,
      budget: options.budget,
      policies: options.policies,
      ...(options.shard ? { shard: options.shard } : {}),
    },
    seed,
  );
  const loadBase = options.loadBaseSpec ?? ((s: string, cwd: string) => d.loadSpec(s, { cwd }));
  const scoped = options.changedSince
    ? scopeToChanges(full, await loadBase(options.changedSince, options.cwd), spec)
    : undefined;
  const plan = suitePlan(scoped?.plan ?? full, options.suites, options.fuzz);
  return { spec, plan, deps: d, ...(scoped ? { scope: scoped.scope } : {}) };
}

/** Runs the harness and resolves to the RunResult (also written to the report directory). */
export async function run(partial: Partial<RunOptions>, deps?: RunDeps): Promise<RunResult> {
  const options = withDefaults(partial);
  const { spec, plan, deps: d, scope } = await planRun(options, deps);
  const baseline = options.baseline ? await readBaseline(path.resolve(options.cwd, options.baseline)) : undefined;
  const target = await openTarget(options.baseUrl, options.drift, d);
  const dispatcher = createDispatcher({ connections: options.workers, insecure: options.insecure });
  try {
    return await execute(options, d, spec, plan, target.url, target.key, baseline, dispatcher, scope);
  } finally {
    await dispatcher.close().catch(() => undefined);
    await target.close();
  }
}

async function execute(
  options: RunOptions,
  deps: RunDeps,
  spec: Spec,
  plan: Plan,
  targetUrl: string,
  key: string | undefined,
  baseline: ReportedFinding[] | undefined,
  dispatcher: ReturnType<typeof createDispatcher>,
  scope?: ChangeScope,
): Promise<RunResult> {
  const suites = await loadSuites(options.suites, options.cwd, spec, options.readOnly);
  const started = new Date();
  const creds = readCredentials(options.headers, options.env);
  if (key && !creds.token && !creds.apiKey) creds.token = creds.apiKey = key; // the embedded server's own key
  const notes: string[] = [];
  let secrets: string[] = [];
  // Reports read `secrets` when they are written, so a token refreshed mid-run is scrubbed too.
  const token = await startToken(
    options,
    spec,
    targetUrl,
    dispatcher,
    creds,
    (t) => secrets.push(t, encodeURIComponent(t)),
    notes,
  );
  secrets = secretValues(creds);
  const checks = new Map<string, Check>([...deps.checks, ...(deps.stateful?.checks ?? [])].map((c) => [c.id, c]));
  // Stateful checks judge resource chains (the stateful phase), never one operation's exchanges.
  const selected = plan.checks.map((c) => checks.get(c.id)!).filter((c) => deps.checks.includes(c));
  const env = judgeEnv(spec, deps, selected, options, notes, creds);
  const states: OperationState[] = plan.operations.map((planned) => newOperationState(planned, plan.checks, env));
  const enqueue = (state: OperationState, results: KindResult[], regenerate?: (kind: CaseKind) => Case[]): void => {
    const { planned } = state;
    const { cases, notes: why } = prepareCases(spec, planned, results, creds, regenerate);
    enqueueCases(state, cases);
    if (cases.length === 0) state.notes.push(...why);
    else notes.push(...why.map((w) => `${planned.operation.key}: ${w}`));
  };
  const here = (state: OperationState, only?: CaseKind): KindResult[] =>
    generateHere(spec, state.planned, deps.generateCases, env.validator, only);
  const pool = useGenerationThread(options, deps, plan)
    ? deps.generationThread!.create(spec, plan.operations, kindsOf, { always: options.generationThread === true })
    : undefined;
  let poolFailed = false;
  const prepare = (state: OperationState): void | Promise<void> => {
    const elsewhere = poolFailed ? undefined : pool?.casesFor(state.planned);
    if (!elsewhere) return enqueue(state, here(state));
    const regenerate = (kind: CaseKind): Case[] => here(state, kind)[0]?.cases ?? [];
    return elsewhere.then(
      (results) => enqueue(state, results, regenerate),
      (error: Error) => {
        if (!poolFailed)
          notes.push(`the generation thread failed (${error.message}); cases are generated on the main thread`);
        poolFailed = true;
        enqueue(state, here(state));
      },
    );
  };
  const findings: ReportedFinding[][] = states.map(() => []);
  if (scope) findings.push(dedupeFindings(breakingFindings(scope, spec, plan.seed)));
  let extraRequests = 0;
  let suiteOutcome: SuiteOutcome | undefined;
  const command = replayBase(options);
  const result = (): RunResult =>
    withSuites(
      {
        ...buildResult({
          spec,
          plan,
          states,
          findings: findings.flat(),
          checks,
          selected,
          target: targetUrl,
          started,
          notes,
          secrets,
          version: VERSION,
          extraRequests,
          ...(baseline ? { baseline } : {}),
        }),
        command,
      },
      suiteOutcome,
      spec,
      scope,
    );
  const writer = createReportWriter(
    path.resolve(options.cwd, options.reportDir),
    deps.reporters,
    result,
    notes,
    options.writeReports,
  );
  const processor = createProcessor({
    options,
    deps,
    env,
    dispatcher,
    targetUrl,
    limiter: createRateLimiter(options.rateLimit ?? 0),
    notes,
    onDone: async (state, reported) => {
      findings[states.indexOf(state)] = reported;
      options.onProgress?.({
        operationsDone: states.filter((s) => s.phase === 'done').length,
        operationsTotal: states.length,
        requests: states.reduce((n, s) => n + s.requests, 0),
        findings: findings.flat().length,
        operation: state.planned.operation.key,
      });
      await writer.flush();
    },
  });
  try {
    await schedule(states, options.workers, { ...processor.hooks, prepare });
  } finally {
    await pool?.close();
  }
  if (deps.stateful && plan.operations.length > 0 && !processor.hooks.stopped()) {
    const outcome = await runStatefulPhase(deps.stateful, spec, plan, options.readOnly, {
      baseUrl: targetUrl,
      authorize: env.authorize,
      dispatcher,
      seed: plan.seed,
      timeoutMs: options.timeoutMs,
      validator: env.validator,
      generateCases: deps.generateCases,
      ...(options.maxRequests !== undefined ? { maxRequests: options.maxRequests - processor.sent() } : {}),
    });
    findings.push(
      outcome.findings.map((f) => (f.exchange && deps.toCurl ? { ...f, curl: deps.toCurl(f.exchange) } : f)),
    );
    extraRequests += outcome.requests;
    notes.push(...outcome.notes);
  }
  if (suites.length > 0 && !processor.hooks.stopped()) {
    suiteOutcome = await runSuitePhase(suites, {
      spec,
      plan,
      baseUrl: targetUrl,
      authorize: env.authorize,
      dispatcher,
      timeoutMs: options.timeoutMs,
      validator: env.validator,
      selected,
      inputs: options.inputs,
      secrets,
      ...(options.maxRequests !== undefined
        ? { maxRequests: options.maxRequests - processor.sent() - extraRequests }
        : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(deps.toCurl ? { toCurl: deps.toCurl } : {}),
    });
    findings.push(suiteOutcome.findings);
    extraRequests += suiteOutcome.requests;
    notes.push(...suiteOutcome.notes);
  }
  notes.push(...processor.stopNotes());
  token?.stop();
  await writer.flush(true);
  const final = result();
  if (processor.unreachable()) {
    throw new HarnessError(
      'TARGET_UNREACHABLE',
      `every request to ${targetUrl} failed to connect (${processor.unreachable()}); partial reports are in ${options.reportDir}`,
    );
  }
  return final;
}

/**
 * When generation moves to its own thread unasked: plans of at least this many cases (below, the thread's own
 * start-up, about half a second of loading, costs more than the stalls it saves) on machines with at least this
 * many cores. On 2 cores shared with a local target the thread lost: its start-up and its second compilation of
 * the request schemas took more CPU than it freed on the main thread (bench/run.ts --thread on|off).
 */
const THREAD_MIN_CASES = 1000;
const THREAD_MIN_CORES = 4;

function useGenerationThread(options: RunOptions, deps: RunDeps, plan: Plan): boolean {
  if (deps.generationThread?.generates !== deps.generateCases || options.generationThread === false) return false;
  if (options.generationThread === true) return true;
  const planned = plan.operations.reduce((n, p) => n + Object.values(p.budget).reduce((a, b) => a + b, 0), 0);
  return planned >= THREAD_MIN_CASES && availableParallelism() >= THREAD_MIN_CORES;
}

function judgeEnv(
  spec: Spec,
  deps: RunDeps,
  selected: Check[],
  options: RunOptions,
  notes: string[],
  creds: Credentials,
): JudgeEnv {
  return {
    spec,
    validator: deps.createValidator(spec),
    selected,
    maxResponseTimeMs: options.maxResponseTimeMs,
    notes,
    stripCredentials: (c, operation) => stripCredentials(c, authFor(spec, operation, creds), creds),
    authorize: (c, operation) => applyAuth(c, authFor(spec, operation, creds), creds),
  };
}
