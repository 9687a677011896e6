/**
 * `run(options)`: load → plan → generate → send → check → report, for the CLI and for library users. Every
 * stage is a static import; tests swap one through `stages`. Findings stream to NDJSON as operations finish and
 * the human reports are re-rendered every few seconds, so an interrupted run still leaves usable files.
 */
import { randomInt } from 'node:crypto';
import path from 'node:path';
import type { Dispatcher } from 'undici';
import { judgingChecks, VERDICT_POLICY } from './check/index.ts';
import { Engine } from './engine.ts';
import { startCaseSource } from './generate/case-source.ts';
import { HarnessError } from './errors.ts';
import { scopeToChanges } from './plan/changed-since.ts';
import { buildPlan } from './plan/index.ts';
import { suitePlan } from './plan/suite-plan.ts';
import { readBaseline } from './report/baseline.ts';
import { createRunReport } from './report/run-report.ts';
import { withDefaults, type RunOptions } from './run-options.ts';
import { createDispatcher } from './send/index.ts';
import { startRunAuth } from './send/run-auth.ts';
import { baseUrlFor, notFoundWarning, warner } from './send/base-url.ts';
import { openTarget, targetUnreachable, type Target } from './send/target.ts';
import { realGenerator, STAGES, type Stages } from './stages.ts';
import type { Exchange, Plan, ReportedFinding, RunResult } from './types.ts';
import { afterEngine } from './after-engine.ts';
import { loadSuites } from './workflows/suite-phase.ts';
import { startCallbackRun } from './webhooks/callback-run.ts';

/** The spec and plan a run would execute (what `--dry-run` prints); no request is sent. */
export async function planRun(partial: Partial<RunOptions>, stages: Partial<Stages> = {}) {
  const o = withDefaults(partial);
  const s = { ...STAGES, ...stages };
  const source = o.spec ?? (o.baseUrl ? undefined : s.referenceSpec);
  const usage = '--spec is required with --base-url (the OpenAPI description of the API under test)';
  if (!source) throw new HarnessError('USAGE', usage);
  const spec = await s.loadSpec(source, { cwd: o.cwd });
  // The plan reads its options (checks, severities, include, exclude, read-only, shard, budget, policies) by name.
  const full = buildPlan(spec, { ...o, available: [...s.checks] }, o.seed ?? randomInt(2 ** 31));
  const loadBase = o.loadBaseSpec ?? ((b: string, cwd: string) => s.loadSpec(b, { cwd }));
  const scoped = o.changedSince ? scopeToChanges(full, await loadBase(o.changedSince, o.cwd), spec) : undefined;
  const plan: Plan = suitePlan(scoped?.plan ?? full, o.suites, o.fuzz);
  return { spec, plan, ...(scoped ? { scope: scoped.scope } : {}) };
}

/** Runs the harness and resolves to the RunResult (also written to the report directory). */
export async function run(partial: Partial<RunOptions>, stages: Partial<Stages> = {}): Promise<RunResult> {
  const o = withDefaults({ startedAt: performance.now(), ...partial });
  const s = { ...STAGES, ...stages };
  const planned = await planRun(o, s);
  const baseline = o.baseline ? await readBaseline(path.resolve(o.cwd, o.baseline)) : undefined;
  const local = s.createReferenceServer && { create: s.createReferenceServer, key: s.referenceKey };
  const target = await openTarget(o.baseUrl, o.drift, local);
  const dispatcher = createDispatcher({ connections: o.workers, insecure: o.insecure });
  try {
    return await exercise(o, s, { ...planned, baseline, target, dispatcher });
  } finally {
    await dispatcher.close().catch(() => undefined);
    await target.close();
  }
}

type Opened = Awaited<ReturnType<typeof planRun>> & {
  baseline?: ReportedFinding[];
  target: Target;
  dispatcher: Dispatcher;
};

/** The phases against an opened target: per operation (the engine), then chains and suites; then the report. */
async function exercise(o: RunOptions, s: Stages, { spec, plan, scope, baseline, target, dispatcher }: Opened) {
  const suites = await loadSuites(o.suites, o.cwd, spec, o.readOnly);
  const started = new Date();
  const notes: string[] = [];
  const warn = warner(notes, o.onWarning); // warnings about the run itself: the notes, and stderr
  const baseUrl = baseUrlFor(target.url, spec, warn);
  const auth = await startRunAuth(o, spec, { ...target, url: baseUrl }, dispatcher, notes);
  const checks = new Map(s.checks.map((c) => [c.id, c]));
  const selected = judgingChecks(plan.checks.map((c) => checks.get(c.id)!));
  const validator = s.createValidator(spec);
  const states = () => engine.ops;
  const about = { spec, plan, checks, selected, started, notes, options: o, baseline, scope, states };
  const reporting = {
    verdictPolicy: VERDICT_POLICY,
    target: target.url,
    secrets: auth.secrets,
    reporters: s.reporters,
  };
  const report = createRunReport({ ...about, ...reporting });
  const thread = realGenerator(s) ? o.generationThread : false;
  const source = startCaseSource({ spec, plan, thread, generate: s.generateCases, validator, notes, ...auth });
  const toCurl = s.toCurl && ((e: Exchange) => s.toCurl!(e, auth.secrets()));
  const callbacks = await startCallbackRun(spec, target.url, o.callbackUrl);
  const shared = { spec, plan, validator, options: o, notes, toCurl, dispatcher, baseUrl };
  const engine = new Engine({
    ...shared,
    checks: selected,
    cases: callbacks ? callbacks.wrap(source.cases) : source.cases,
    fresh: source.fresh,
    ...(callbacks ? { observe: callbacks.observe } : {}),
    auth,
    onDone: report.done,
    onExchange: report.exchange,
    shrinkCase: s.shrinkCase,
  });
  const later = { ...shared, ...auth, suites, selected, checks: s.checks, generateCases: s.generateCases };
  const after = afterEngine(engine, () => ({ ...later, secrets: auth.secrets() }), callbacks, validator, toCurl);
  await engine.run(after.between).finally(source.close);
  report.addPhases(await after.finish());
  notes.unshift(...engine.limits.stopNotes()); // why the run stopped early leads the notes (stdout shows the first few)
  warn(
    notFoundWarning(
      engine.ops.map((op) => op.tally.statuses),
      baseUrl,
      spec.document,
    ),
  );
  auth.stop();
  const final = await report.close();
  const unreachable = engine.unreachable();
  if (unreachable) throw targetUnreachable(target.url, unreachable, o.reportDir);
  return final;
}
