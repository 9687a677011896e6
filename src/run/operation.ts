/**
 * The state of one operation while it runs: its queue of cases, what came back, and what the checks said.
 * Judging is pure (exchange → findings); sending is the scheduler's job.
 */
import type { Check, CheckContext } from '../check/check.ts';
import type { PlannedOperation } from '../plan/index.ts';
import type { Case, CaseKind, Exchange, Finding, Spec } from '../types.ts';
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
  contexts: Map<string, CheckContext>;
  queue: QueueItem[];
  inFlight: number;
  /** `performance.now()` before which nothing of this operation is sent (429 back-off). */
  notBefore: number;
  phase: 'pending' | 'running' | 'finishing' | 'done';
  /** Exchanges of generated (non-probe) cases, in completion order. */
  exchanges: Exchange[];
  findings: Finding[];
  probesBy: Map<string, number>;
  fallbackProbed: boolean;
  requests: number;
  casesByKind: Partial<Record<CaseKind, number>>;
  statuses: Set<number>;
  /** Checks that judged at least one exchange with a response. */
  judgedBy: Set<string>;
  retries: number;
  retryWaitMs: number;
  notes: string[];
}

/** Everything needed to judge an operation's exchanges. */
export interface JudgeEnv {
  spec: Spec;
  validator: Validator;
  checks: Map<string, Check>;
  maxResponseTimeMs: number;
  notes: string[];
}

/** Fresh state for a planned operation with its queue of cases. */
export function newOperationState(planned: PlannedOperation, checks: Array<{ id: string; severity: 'error' | 'warn' }>, env: JudgeEnv, cases: Case[]): OperationState {
  const contexts = new Map<string, CheckContext>();
  for (const { id, severity } of checks) {
    contexts.set(id, {
      spec: env.spec, validator: env.validator, operation: planned.operation, seed: planned.seed,
      policy: planned.policy, severity, maxResponseTimeMs: env.maxResponseTimeMs,
    });
  }
  const casesByKind: Partial<Record<CaseKind, number>> = {};
  for (const c of cases) casesByKind[c.kind] = (casesByKind[c.kind] ?? 0) + 1;
  return {
    planned, contexts, queue: cases.map((c) => ({ case: c, attempt: 1 })), inFlight: 0, notBefore: 0, phase: 'pending',
    exchanges: [], findings: [], probesBy: new Map(), fallbackProbed: false, requests: 0, casesByKind,
    statuses: new Set(), judgedBy: new Set(), retries: 0, retryWaitMs: 0, notes: [],
  };
}

/** Runs one check defensively: a check that throws becomes a note, never a crashed run. */
export function runCheck(check: Check, exchange: Exchange, ctx: CheckContext, notes: string[]): Finding[] {
  try {
    return check.run(exchange, ctx);
  } catch (error) {
    notes.push(`check ${check.id} threw on ${exchange.case.id}: ${(error as Error).message} (a bug in the check; its verdict is missing)`);
    return [];
  }
}

/** Judges a completed exchange: a probe only by the check that made it, any other case by every check. */
export function judge(state: OperationState, item: QueueItem, exchange: Exchange, env: JudgeEnv): void {
  if (exchange.response) state.statuses.add(exchange.response.status);
  const ids = item.probeBy ? [item.probeBy] : [...state.contexts.keys()];
  for (const id of ids) {
    const check = env.checks.get(id)!;
    if (exchange.response) state.judgedBy.add(id);
    state.findings.push(...runCheck(check, exchange, state.contexts.get(id)!, env.notes));
  }
  if (!item.probeBy) state.exchanges.push(exchange);
}

const VALID_KINDS = new Set<CaseKind>(['example', 'positive', 'boundary']);

/**
 * Asks probing checks for probes derived from a valid case, at most `limit` per check and operation.
 * `requireAccepted` limits it to cases the server accepted (a 2xx), so probes start from a request that works.
 */
export function deriveProbes(state: OperationState, exchange: Exchange, env: JudgeEnv, limit: number, requireAccepted: boolean): QueueItem[] {
  const status = exchange.response?.status;
  if (!VALID_KINDS.has(exchange.case.kind) || status === undefined) return [];
  if (requireAccepted && !state.planned.policy.accepted.includes(status)) return [];
  const items: QueueItem[] = [];
  for (const [id, ctx] of state.contexts) {
    const check = env.checks.get(id)!;
    if (!check.probe || (state.probesBy.get(id) ?? 0) >= limit) continue;
    let probe: Case | undefined;
    try {
      probe = check.probe(exchange.case, ctx);
    } catch (error) {
      env.notes.push(`check ${id} threw while deriving a probe: ${(error as Error).message}`);
    }
    state.probesBy.set(id, (state.probesBy.get(id) ?? 0) + 1);
    if (probe) items.push({ case: probe, attempt: 1, probeBy: id });
  }
  return items;
}
