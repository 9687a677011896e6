/**
 * The phases after the per-operation one: the stateful chains, then the Arazzo suites (`--suite`). Each starts
 * only while the run has not stopped, and each gets the requests left under `--max-requests`.
 */
import type { Dispatcher } from 'undici';
import type { Check } from '../check/check.ts';
import type { SecretBook } from '../credentials/index.ts';
import type { GenerateCases } from '../generate/prepare.ts';
import { operationContext } from '../check/context.ts';
import { runChecks } from '../check/index.ts';
import { DEFAULT_BUDGET, defaultPolicy } from '../plan/index.ts';
import type { Case, Exchange, Finding, Operation, Plan, ReportedFinding, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import { runStatefulPhase } from './stateful-phase.ts';
import { runSuitePhase, type SuiteOutcome } from './suite-phase.ts';
import type { Suite } from './suite-types.ts';

/** What the later phases share with the run. */
export interface PhasesInput {
  spec: Spec;
  plan: Plan;
  suites: readonly Suite[];
  options: {
    readOnly: boolean;
    timeoutMs: number;
    maxRequests?: number;
    inputs: Record<string, unknown>;
    signal?: AbortSignal;
    maxResponseTimeMs?: number;
  };
  baseUrl: string;
  dispatcher: Dispatcher;
  validator: Validator;
  authorize(c: Case, operation: Operation): Case;
  generateCases: GenerateCases;
  /** Every check the run knows (the stateful phase takes the selected sequence checks). */
  checks: readonly Check[];
  /** The selected checks that judge single exchanges (suites take the suite-safe ones). */
  selected: readonly Check[];
  secrets: SecretBook;
  toCurl?: (exchange: Exchange) => string;
  /** Requests sent before these phases. */
  sent: number;
  /** Creates the run accepted before these phases, per operation key: they seed the stateful chains. */
  creates?: ReadonlyMap<string, readonly Exchange[]>;
  /** What the run saw of an operation: requests and statuses (said when a chain cannot start). */
  seen?: (key: string) => { requests: number; statuses: readonly number[] } | undefined;
  stopped(): boolean;
  /** The run's notes: each phase adds its own when it ends. */
  notes: string[];
}

/** What the later phases add to the run. */
export interface PhasesOutcome {
  findings: ReportedFinding[][];
  requests: number;
  suites?: SuiteOutcome;
}

const left = (max: number | undefined, used: number) => (max !== undefined ? { maxRequests: max - used } : {});

/** Runs the stateful chains (when operations were planned) and then the suites. */
export async function runLaterPhases(p: PhasesInput): Promise<PhasesOutcome> {
  const out: PhasesOutcome = { findings: [], requests: 0 };
  const { options: o } = p;
  const curl = (f: ReportedFinding): ReportedFinding =>
    f.exchange && p.toCurl ? { ...f, curl: p.toCurl(f.exchange) } : f;
  const transport = { baseUrl: p.baseUrl, authorize: p.authorize, dispatcher: p.dispatcher, timeoutMs: o.timeoutMs };
  if (p.plan.operations.length > 0 && !p.stopped()) {
    const stateful = await runStatefulPhase(p.checks, p.spec, p.plan, o.readOnly, {
      ...transport,
      seed: p.plan.seed,
      validator: p.validator,
      generateCases: p.generateCases,
      stopped: p.stopped,
      judge: judgeWith(p),
      ...(p.creates ? { creates: p.creates } : {}),
      ...(p.seen ? { seen: p.seen } : {}),
      ...left(o.maxRequests, p.sent),
    });
    out.findings.push(stateful.findings.map(curl));
    out.requests += stateful.requests;
    p.notes.push(...stateful.notes);
  }
  if (p.suites.length > 0 && !p.stopped()) {
    const suites = await runSuitePhase(p.suites, {
      ...transport,
      spec: p.spec,
      plan: p.plan,
      validator: p.validator,
      selected: p.selected,
      inputs: o.inputs,
      secrets: p.secrets,
      ...left(o.maxRequests, p.sent + out.requests),
      ...(o.signal ? { signal: o.signal } : {}),
      ...(p.toCurl ? { toCurl: p.toCurl } : {}),
    });
    out.findings.push(suites.findings);
    out.requests += suites.requests;
    p.notes.push(...suites.notes);
    out.suites = suites;
  }
  return out;
}

/** The run's selected response checks on one exchange, in the context of its operation (planned or not). */
function judgeWith(p: PhasesInput): (exchange: Exchange, operation: Operation) => Finding[] {
  const run = {
    spec: p.spec,
    validator: p.validator,
    plan: p.plan,
    maxResponseTimeMs: p.options.maxResponseTimeMs ?? 5000,
  };
  const contexts = new Map(p.plan.operations.map((planned) => [planned.operation.key, operationContext(run, planned)]));
  return (exchange, operation) => {
    const planned = { operation, seed: p.plan.seed, budget: DEFAULT_BUDGET, policy: defaultPolicy(operation) };
    const ctx = contexts.get(operation.key) ?? operationContext(run, planned);
    return runChecks(exchange, p.selected, ctx).findings;
  };
}
