/**
 * The state of one operation while it runs: its queue of cases, what came back, and what the checks said.
 * Judging is pure (exchange → findings); sending is the scheduler's job.
 */
import type { Check, CheckContext } from '../check/check.ts';
import { runChecks, type CheckOutcome } from '../check/index.ts';

import type { Case, CaseKind, Exchange, Finding, Operation, Spec, PlannedOperation } from '../types.ts';
import type { Validator } from '../validate/index.ts';

/** One request waiting to be sent. `probeBy` names the check that asked for it. */
export interface QueueItem {
  case: Case;
  attempt: number;
  probeBy?: string;
}

/** Mutable per-operation bookkeeping. */
export interface OperationState {
  planned: PlannedOperation;
  /** One context per operation; `severities` carries each selected check's severity. */
  context: CheckContext;
  queue: QueueItem[];
  inFlight: number;
  /** `performance.now()` before which nothing of this operation is sent (429 back-off). */
  notBefore: number;
  phase: 'pending' | 'preparing' | 'running' | 'finishing' | 'done';
  /** Exchanges of generated (non-probe) cases, in completion order. */
  exchanges: Exchange[];
  findings: Finding[];
  probesBy: Map<string, number>;
  fallbackProbed: boolean;
  requests: number;
  casesByKind: Partial<Record<CaseKind, number>>;
  statuses: Set<number>;
  /** Checks that had something to check in at least one exchange. */
  checked: Set<string>;
  /** The first reason each check gave for having nothing to check. */
  whyNot: Map<string, string>;
  retries: number;
  retryWaitMs: number;
  notes: string[];
}

/** Everything needed to judge an operation's exchanges. */
export interface JudgeEnv {
  spec: Spec;
  validator: Validator;
  /** The selected checks, in order. */
  selected: Check[];
  maxResponseTimeMs: number;
  notes: string[];
  /** Removes configured credentials from a probe of a `probeOmitsCredentials` check. */
  stripCredentials(c: Case, operation: Operation): Case;
  /** Gives a case the run's credentials (for cases made after preparation, e.g. by shrinking). */
  authorize(c: Case, operation: Operation): Case;
}

/** Fresh state for a planned operation with its queue of cases. */
export function newOperationState(
  planned: PlannedOperation,
  checks: Array<{ id: string; severity: 'error' | 'warn' }>,
  env: JudgeEnv,
): OperationState {
  const context: CheckContext = {
    spec: env.spec,
    validator: env.validator,
    operation: planned.operation,
    seed: planned.seed,
    policy: planned.policy,
    severity: 'error',
    maxResponseTimeMs: env.maxResponseTimeMs,
    severities: Object.fromEntries(checks.map((c) => [c.id, c.severity])),
  };
  return {
    planned,
    context,
    queue: [],
    inFlight: 0,
    notBefore: 0,
    phase: 'pending',
    exchanges: [],
    findings: [],
    probesBy: new Map(),
    fallbackProbed: false,
    requests: 0,
    casesByKind: {},
    statuses: new Set(),
    checked: new Set(),
    whyNot: new Map(),
    retries: 0,
    retryWaitMs: 0,
    notes: [],
  };
}

/** Queues an operation's generated cases (done lazily, when the first worker reaches the operation). */
export function enqueueCases(state: OperationState, cases: Case[]): void {
  for (const c of cases) {
    state.casesByKind[c.kind] = (state.casesByKind[c.kind] ?? 0) + 1;
    state.queue.push({ case: c, attempt: 1 });
  }
}

/** Records what the checks said about an exchange (or a sequence): findings, notes and coverage. */
export function record(state: OperationState, outcome: CheckOutcome, env: JudgeEnv): void {
  state.findings.push(...outcome.findings);
  env.notes.push(...outcome.notes);
  for (const id of outcome.checked) state.checked.add(id);
  for (const u of outcome.unchecked) if (!state.whyNot.has(u.check)) state.whyNot.set(u.check, u.why);
}

/** Judges a completed exchange; `runChecks` routes a probe only to the check that made it. */
export function judge(state: OperationState, item: QueueItem, exchange: Exchange, env: JudgeEnv): void {
  if (exchange.response) state.statuses.add(exchange.response.status);
  record(state, runChecks(exchange, env.selected, state.context), env);
  if (!item.probeBy) state.exchanges.push(exchange);
}

const VALID_KINDS = new Set<CaseKind>(['example', 'positive', 'boundary']);

/**
 * Asks probing checks for probes derived from a valid case, at most `limit` per check and operation.
 * `requireAccepted` limits it to cases the server accepted (a 2xx), so probes start from a request that works.
 */
export function deriveProbes(
  state: OperationState,
  exchange: Exchange,
  env: JudgeEnv,
  limit: number,
  requireAccepted: boolean,
): QueueItem[] {
  const status = exchange.response?.status;
  if (!VALID_KINDS.has(exchange.case.kind) || status === undefined) return [];
  if (requireAccepted && !state.planned.policy.accepted.includes(status)) return [];
  const items: QueueItem[] = [];
  for (const check of env.selected) {
    if (check.kind !== 'probe' || (state.probesBy.get(check.id) ?? 0) >= limit) continue;
    const ctx = { ...state.context, severity: state.context.severities?.[check.id] ?? check.defaultSeverity };
    let probe: Case | undefined;
    try {
      probe = check.probe(exchange.case, ctx);
    } catch (error) {
      env.notes.push(`check ${check.id} threw while deriving a probe: ${(error as Error).message}`);
    }
    state.probesBy.set(check.id, (state.probesBy.get(check.id) ?? 0) + 1);
    if (!probe) continue;
    if (check.omitsCredentials) probe = env.stripCredentials(probe, state.planned.operation);
    items.push({ case: probe, attempt: 1, probeBy: check.id });
  }
  return items;
}
