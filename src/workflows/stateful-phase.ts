/**
 * The stateful phase of a run: after every operation was exercised on its own, walk the create → read → delete
 * chains (`src/workflows`) with the stateful checks (use_after_free, ensure_resource_availability, idempotency).
 * Only chains whose every operation passes the run's filters run, and none under --read-only (chains create
 * and delete). Under --shard, a chain belongs to the shard of its create operation.
 */
import type { Dispatcher } from 'undici';
import type { Check } from '../check/check.ts';
import { inShard } from '../plan/index.ts';
import type { ReportedFinding, Plan, Case, Exchange, Finding, Operation, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import type { GenerateCases } from '../run/deps.ts';
import { dedupeFindings } from '../report/findings.ts';

/** A resource chain, as much of `src/workflows` Chain as the run needs. */
export interface ChainInfo {
  collection: string;
  create: Operation;
  read?: Operation;
  update?: Operation;
  delete?: Operation;
}

/** The workflows stage's entry points, injected (absent in builds without it). */
export interface StatefulStage {
  checks: readonly Check[];
  plan(spec: Spec): ChainInfo[];
  run(
    spec: Spec,
    options: {
      baseUrl: string;
      authorize: (c: Case, op: Operation) => Case;
      dispatcher: Dispatcher;
      seed: number;
      timeoutMs: number;
      validator: Validator;
      generateCases: GenerateCases;
      chains: ChainInfo[];
      checks: readonly Check[];
      maxRequests?: number;
    },
  ): Promise<{ findings: Finding[]; exchanges: Exchange[]; chains: Array<{ collection: string; notes: string[] }> }>;
}

/** What the stateful phase adds to a run. */
export interface StatefulOutcome {
  findings: ReportedFinding[];
  requests: number;
  notes: string[];
}

/** Runs the chains the plan allows with the selected stateful checks; nothing when none is selected. */
export async function runStatefulPhase(
  stage: StatefulStage,
  spec: Spec,
  plan: Plan,
  readOnly: boolean,
  options: Omit<Parameters<StatefulStage['run']>[1], 'chains' | 'checks'>,
): Promise<StatefulOutcome> {
  const severity = new Map(plan.checks.map((c) => [c.id, c.severity]));
  const checks = stage.checks.filter((c) => severity.has(c.id));
  if (checks.length === 0) return { findings: [], requests: 0, notes: [] };
  if (readOnly)
    return {
      findings: [],
      requests: 0,
      notes: [
        `stateful checks (${checks.map((c) => c.id).join(', ')}) skipped: --read-only forbids creating and deleting`,
      ],
    };
  // A chain is one unit of work: it runs in the shard of its create operation, whatever shards its other
  // operations fell in, so a sharded run walks exactly the chains an unsharded run walks.
  const allowed = new Set([
    ...plan.operations.map((p) => p.operation.key),
    ...plan.skipped.filter((s) => s.reason.startsWith('in another shard')).map((s) => s.operation.key),
  ]);
  const mine = (ch: ChainInfo) => !plan.shard || inShard(ch.create.key, plan.shard);
  const chains = stage
    .plan(spec)
    .filter((ch) => mine(ch) && [ch.create, ch.read, ch.update, ch.delete].every((op) => !op || allowed.has(op.key)));
  if (chains.length === 0)
    return {
      findings: [],
      requests: 0,
      notes: ['stateful checks: no create/read/delete chain among the planned operations'],
    };
  const out = await stage.run(spec, { ...options, chains, checks });
  // The walk judges at 'error'; a severity configured lower for a stateful check still applies.
  const findings = out.findings.map((f) =>
    severity.get(f.checkId) === 'warn' ? { ...f, severity: 'warn' as const } : f,
  );
  return {
    findings: dedupeFindings(findings),
    requests: out.exchanges.length,
    notes: out.chains.filter((c) => c.notes.length > 0).map((c) => `stateful ${c.collection}: ${c.notes.join('; ')}`),
  };
}
