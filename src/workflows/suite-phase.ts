/**
 * The suite phase of a run (`--suite`): each Arazzo suite (`src/workflows`) runs against the target with the
 * run's credentials and transport. Every step exchange is judged by the selected response checks, but only
 * those of SUITE_CHECK_IDS: suites send failing requests on purpose (401 with a deleted key, 402 at a cap),
 * which probing and negative-data checks would misread. Findings, requests, per-workflow results and the
 * operations the suites reached join the run's one RunResult.
 */
import type { Dispatcher } from 'undici';
import type { Check } from '../check/check.ts';
import { HarnessError } from '../errors.ts';

import type { StepReport, WorkflowReport, Plan, ReportedFinding, Case, Exchange, Operation, Spec } from '../types.ts';
import { learnSecrets, redactFindings, scrubDeep, type SecretBook } from '../credentials/index.ts';
import type { Validator } from '../validate/index.ts';
import { loadSuite } from './load-suite.ts';
import { stepOperation } from './request.ts';
import { runSuite, SUITE_CHECK_IDS } from './runner.ts';
import type { SuiteResult } from './run-state.ts';
import type { Suite } from './suite-types.ts';
import { dedupeFindings } from '../report/findings.ts';

const SAFE_METHODS = new Set(['get', 'head', 'options']);

/**
 * Reads and validates every suite file before anything is sent (SUITE_INVALID at file:line:col). With the spec,
 * every step's operation must exist in it; with `readOnly` too, a step that would write is a USAGE error.
 */
export async function loadSuites(
  files: readonly string[],
  cwd: string,
  spec?: Spec,
  readOnly = false,
): Promise<Suite[]> {
  if (files.length === 0) return [];
  const suites = await Promise.all(files.map((f) => loadSuite(f, cwd)));
  for (const suite of suites) {
    for (const w of suite.workflows) {
      for (const s of w.steps) {
        if (!spec || (!s.operationId && !s.operationPath)) continue;
        const op = stepOperation(spec, suite, s);
        if (readOnly && !SAFE_METHODS.has(op.method)) {
          throw new HarnessError(
            'USAGE',
            `--read-only forbids --suite ${suite.file}: step ${w.workflowId}/${s.stepId} calls ${op.key} (${suite.where(s.pointer)})`,
          );
        }
      }
    }
  }
  return suites;
}

/** What the suite phase needs from the run. */
export interface SuitePhaseOptions {
  spec: Spec;
  plan: Plan;
  baseUrl: string;
  authorize: (c: Case, op: Operation) => Case;
  dispatcher: Dispatcher;
  timeoutMs: number;
  validator: Validator;
  /** The run's selected per-operation checks; only the suite-safe ones judge step exchanges. */
  selected: readonly Check[];
  inputs: Record<string, unknown>;
  /** The run's own secret values (credentials), scrubbed like the ones suites mint. */
  secrets: SecretBook;
  signal?: AbortSignal;
  toCurl?: (exchange: Exchange) => string;
  /** Requests left under --max-requests: no suite starts once they are spent (a started suite runs to its end). */
  maxRequests?: number;
}

/** What the suite phase adds to a run. */
export interface SuiteOutcome {
  findings: ReportedFinding[];
  requests: number;
  notes: string[];
  workflows: WorkflowReport[];
  /** Per operation the suites called: requests sent and statuses seen. */
  reached: Map<string, { requests: number; statuses: Set<number> }>;
  /** Ids of the checks that judged step exchanges. */
  checks: string[];
}

/** Runs each suite in turn; findings take the run's configured severities, secrets (also minted ones) scrubbed. */
export async function runSuitePhase(suites: readonly Suite[], o: SuitePhaseOptions): Promise<SuiteOutcome> {
  const checks = o.selected.filter((c) => SUITE_CHECK_IDS.includes(c.id));
  const severity = new Map(o.plan.checks.map((c) => [c.id, c.severity]));
  const out: SuiteOutcome = {
    findings: [],
    requests: 0,
    notes: [],
    workflows: [],
    reached: new Map(),
    checks: checks.map((c) => c.id),
  };
  for (const [i, suite] of suites.entries()) {
    if (o.signal?.aborted) break;
    if (o.maxRequests !== undefined && out.requests >= o.maxRequests) {
      out.notes.push(
        `suites not run, --max-requests reached: ${suites
          .slice(i)
          .map((x) => x.file)
          .join(', ')}`,
      );
      break;
    }
    const r = await runSuite(o.spec, suite, {
      baseUrl: o.baseUrl,
      authorize: o.authorize,
      dispatcher: o.dispatcher,
      seed: o.plan.seed,
      timeoutMs: o.timeoutMs,
      validator: o.validator,
      checks,
      inputs: o.inputs,
      ...(o.signal ? { signal: o.signal } : {}),
    });
    fold(out, suite.file, r, o, severity);
  }
  return out;
}

/** Adds one suite's result to the phase's: findings at the run's severities, secrets (also minted ones) scrubbed. */
function fold(
  out: SuiteOutcome,
  file: string,
  r: SuiteResult,
  o: SuitePhaseOptions,
  severity: Map<string, 'error' | 'warn'>,
): void {
  // Keys a suite mints travel in its response bodies and later Authorization headers: scrub them everywhere.
  const secrets = o.secrets.copy();
  for (const e of r.exchanges) learnSecrets(e, secrets);
  const findings = dedupeFindings(
    r.findings.map((f) => (severity.get(f.checkId) === 'warn' ? { ...f, severity: 'warn' as const } : f)),
  ).map((f) => (f.exchange && o.toCurl ? { ...f, curl: o.toCurl(f.exchange) } : f));
  out.findings.push(...redactFindings(findings, secrets));
  out.requests += r.exchanges.length;
  out.workflows.push(...scrubDeep(workflowReports(file, r), secrets));
  const failed = r.workflows.filter((w) => w.status !== 'passed');
  const say = (w: (typeof failed)[number]) =>
    `suite ${file}: workflow ${w.workflowId} ${w.status}${w.message ? `: ${w.message.replace(/\s*\n\s*/g, ' · ')}` : ''}`;
  out.notes.push(...scrubDeep(failed.map(say), secrets));
  for (const e of r.exchanges) {
    const at = out.reached.get(e.case.operation) ?? { requests: 0, statuses: new Set<number>() };
    at.requests++;
    if (e.response) at.statuses.add(e.response.status);
    out.reached.set(e.case.operation, at);
  }
}

/**
 * One report per top-level workflow. Steps of a workflow called as a step (a subroutine) are recorded before
 * the calling step, so they go to the next top-level step's workflow, named `<subroutine>/<step>`.
 */
export function workflowReports(file: string, r: Pick<SuiteResult, 'workflows' | 'steps'>): WorkflowReport[] {
  const reports = r.workflows.map(
    (w): WorkflowReport => ({
      suite: file,
      workflowId: w.workflowId,
      status: w.status,
      ...(w.message ? { message: w.message } : {}),
      steps: [],
    }),
  );
  const byId = new Map(reports.map((w) => [w.workflowId, w]));
  let pending: StepReport[] = [];
  for (const s of r.steps) {
    const step: StepReport = {
      stepId: s.stepId,
      status: s.status,
      attempts: s.attempts,
      location: s.location,
      ...(s.operation ? { operation: s.operation } : {}),
      ...(s.message ? { message: s.message } : {}),
    };
    const owner = byId.get(s.workflowId);
    if (!owner) pending.push({ ...step, stepId: `${s.workflowId}/${s.stepId}` });
    else {
      owner.steps.push(...pending, step);
      pending = [];
    }
  }
  if (pending.length > 0) reports.at(-1)?.steps.push(...pending);
  return reports;
}
