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

import type {
  ChangeScope,
  StepReport,
  WorkflowReport,
  Plan,
  ReportedFinding,
  RunResult,
  Case,
  Exchange,
  Operation,
  Spec,
} from '../types.ts';
import { secretValues as exchangeSecrets } from '../report/redact.ts';
import type { Validator } from '../validate/index.ts';
import type { Suite, SuiteResult } from '../workflows/index.ts';
import { statusesNeverSeen } from './coverage.ts';
import { dedupeFindings } from './findings.ts';
import { scrubSecrets } from './scrub.ts';

type WorkflowsStage = typeof import('../workflows/index.ts');

/** Loads the workflows stage (absent in builds without it: then `--suite` is a usage error). */
async function stage(): Promise<WorkflowsStage> {
  try {
    return await import('../workflows/index.ts');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new HarnessError('USAGE', '--suite needs the workflows stage, which this build lacks');
  }
}

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
  const { loadSuite } = await stage();
  const { stepOperation } = await import('../workflows/request.ts');
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

/** Why operations are not fuzzed in a suite-only run. */
export const SUITE_ONLY_REASON =
  'not fuzzed: --suite runs only its workflows (add --fuzz to also fuzz every operation)';

/** With suites and no `--fuzz`, the per-operation phase is skipped: every planned operation moves to `skipped`. */
export function suitePlan(plan: Plan, suites: readonly string[], fuzz: boolean): Plan {
  if (suites.length === 0 || fuzz) return plan;
  return {
    ...plan,
    operations: [],
    skipped: [...plan.operations.map((p) => ({ operation: p.operation, reason: SUITE_ONLY_REASON })), ...plan.skipped],
  };
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
  secrets: readonly string[];
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
  const { runSuite, SUITE_CHECK_IDS } = await stage();
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
    // Keys a suite mints travel in its response bodies and later Authorization headers: scrub them everywhere.
    const secrets = [...new Set([...o.secrets, ...r.exchanges.flatMap((e) => exchangeSecrets(e))])];
    const findings = dedupeFindings(
      r.findings.map((f) => (severity.get(f.checkId) === 'warn' ? { ...f, severity: 'warn' as const } : f)),
    ).map((f) => (f.exchange && o.toCurl ? { ...f, curl: o.toCurl(f.exchange) } : f));
    out.findings.push(...scrubSecrets(findings, secrets));
    out.requests += r.exchanges.length;
    out.workflows.push(...scrubSecrets(workflowReports(suite.file, r), secrets));
    out.notes.push(
      ...scrubSecrets(
        r.workflows
          .filter((w) => w.status !== 'passed')
          .map(
            (w) =>
              `suite ${suite.file}: workflow ${w.workflowId} ${w.status}${w.message ? `: ${w.message.replace(/\s*\n\s*/g, ' · ')}` : ''}`,
          ),
        secrets,
      ),
    );
    for (const e of r.exchanges) {
      const at = out.reached.get(e.case.operation) ?? { requests: 0, statuses: new Set<number>() };
      at.requests++;
      if (e.response) at.statuses.add(e.response.status);
      out.reached.set(e.case.operation, at);
    }
  }
  return out;
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

/**
 * The result with the later phases folded in: operations the suites called count as reached, the workflows
 * are listed, and a `--changed-since` scope is attached.
 */
export function withSuites(
  result: RunResult,
  outcome: SuiteOutcome | undefined,
  spec: Spec,
  scope?: ChangeScope,
): RunResult {
  if (!outcome) return scope ? { ...result, changeScope: scope } : result;
  const byKey = new Map(spec.operations.map((op) => [op.key, op]));
  const coverage = result.coverage.map((c) => {
    const hit = outcome.reached.get(c.operation);
    const op = byKey.get(c.operation);
    if (!hit || !op) return c;
    const statuses = new Set([...(c.reached ? c.statusesSeen : []), ...hit.statuses]);
    const checked = [...new Set([...(c.reached ? c.checked : []), ...outcome.checks])];
    const { reason: _unreached, ...rest } = c;
    return {
      ...rest,
      reached: true,
      requests: (c.reached ? c.requests : 0) + hit.requests,
      statusesSeen: [...statuses].sort((a, b) => a - b),
      statusesNeverSeen: statusesNeverSeen(op, statuses),
      checked,
      unchecked: c.reached ? c.unchecked.filter((u) => !checked.includes(u.check)) : [],
    };
  });
  return {
    ...result,
    coverage,
    operationsReached: coverage.filter((c) => c.reached).length,
    workflows: outcome.workflows,
    ...(scope ? { changeScope: scope } : {}),
  };
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
