/** Assembles the immutable RunResult from the run's per-operation states. */
import type { Check } from '../check/check.ts';
import type { OperationCoverage, ReportedFinding, RunResult, Plan, CaseKind, Spec, VerdictRule } from '../types.ts';

import { coverageOf, unreachedCoverage } from './coverage.ts';
import { compareWithBaseline } from './baseline.ts';
import { findingsExitCode } from './findings.ts';
import type { OperationRun } from '../plan/operation-run.ts';
import { learnSecrets, redactFindings, scrubDeep, type SecretBook } from '../credentials/index.ts';

/** The pieces a result is made of, gathered by run(). */
export interface ResultInput {
  spec: Spec;
  plan: Plan;
  states: readonly OperationRun[];
  /** Deduplicated findings of finished operations, in operation order. */
  findings: ReportedFinding[];
  checks: ReadonlyMap<string, Check>;
  /** The selected checks, in order. */
  selected: readonly Check[];
  target: string;
  started: Date;
  notes: string[];
  baseline?: ReportedFinding[];
  /** The run's secrets: every finding's exchange is redacted by them, and all text scrubbed of them. */
  secrets: SecretBook;
  version: string;
  /** Requests sent outside the per-operation phase (stateful chains). */
  extraRequests?: number;
  /** The rules that decided verdicts, shown in the reports. */
  verdictPolicy?: readonly VerdictRule[];
}

/** The RunResult as it stands now (partial while the run goes on), secrets scrubbed. */
export function buildResult(input: ResultInput): RunResult {
  const { spec, plan, states } = input;
  const end = new Date();
  const casesByKind: Partial<Record<CaseKind, number>> = {};
  for (const s of states)
    for (const [k, n] of Object.entries(s.tally.casesByKind))
      casesByKind[k as CaseKind] = (casesByKind[k as CaseKind] ?? 0) + n;
  const coverage: OperationCoverage[] = [
    ...states.map((s) =>
      s.phase === 'done' || s.tally.requests > 0
        ? coverageOf(s, input.selected, spec)
        : unreachedCoverage(s.planned.operation, reasonFor(s), spec, s.planned),
    ),
    ...plan.skipped.map((s) => unreachedCoverage(s.operation, s.reason, spec)),
  ];
  const marked = input.baseline
    ? compareWithBaseline(input.findings, input.baseline)
    : { findings: input.findings, fixed: [] };
  const retryNotes = states
    .filter((s) => s.tally.retries > 0)
    .map(
      (s) =>
        `${s.planned.operation.key}: ${s.tally.retries} request(s) retried after 429/503, waiting ${(s.tally.retryWaitMs / 1000).toFixed(1)} s in total (Retry-After honoured, capped)`,
    );
  const result: RunResult = {
    tool: { name: 'specgate', version: input.version },
    seed: plan.seed,
    specSource: spec.source,
    specSha256: spec.sha256,
    target: input.target,
    start: input.started.toISOString(),
    end: end.toISOString(),
    durationMs: end.getTime() - input.started.getTime(),
    requests: states.reduce((n, s) => n + s.tally.requests, input.extraRequests ?? 0),
    casesByKind,
    operationsTotal: plan.operations.length + plan.skipped.length,
    operationsReached: coverage.filter((c) => c.reached).length,
    findings: marked.findings,
    fixed: marked.fixed,
    coverage,
    checks: plan.checks.map((c) => ({
      id: c.id,
      severity: c.severity,
      description: input.checks.get(c.id)?.description ?? '',
    })),
    notes: [...retryNotes, ...input.notes],
    inconclusive: coverage.reduce((n, c) => n + (c.inconclusive ?? 0), 0),
    ...(input.verdictPolicy ? { verdictPolicy: input.verdictPolicy } : {}),
    exitCode: findingsExitCode(marked.findings),
  };
  return redactResult(result, input.secrets);
}

/** The result with its findings' exchanges redacted and every string scrubbed (secrets the API minted too). */
function redactResult(result: RunResult, run: SecretBook): RunResult {
  const book = run.copy();
  for (const f of [...result.findings, ...result.fixed]) if (f.exchange) learnSecrets(f.exchange, book);
  const findings = redactFindings(result.findings, book);
  return scrubDeep({ ...result, findings, fixed: redactFindings(result.fixed, book) }, book);
}

function reasonFor(s: OperationRun): string {
  if (s.phase === 'pending') return 'not reached: the run stopped first (limit or interrupt)';
  return s.tally.notes.length > 0 ? s.tally.notes.join('; ') : 'no case could be generated';
}
