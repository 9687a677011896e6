/**
 * The stateful phase of a run: after every operation was exercised on its own, walk the create → read → delete
 * chains (`src/workflows`) with the stateful checks (use_after_free, ensure_resource_availability, idempotency).
 * Only chains whose every operation passes the run's filters run, and none under --read-only (chains create
 * and delete). Under --shard, a chain belongs to the shard of its create operation.
 */
import { sequenceChecks } from '../check/index.ts';
import type { Check } from '../check/check.ts';
import { inShard } from '../plan/index.ts';
import { dedupeFindings } from '../report/findings.ts';
import type { Plan, ReportedFinding, Spec } from '../types.ts';
import { statefulPlan, type Chain } from './stateful-plan.ts';
import { runStateful, type ChainOutcome, type StatefulOptions, type StatefulResult } from './stateful-run.ts';

/** What the stateful phase adds to a run. */
export interface StatefulOutcome {
  findings: ReportedFinding[];
  requests: number;
  notes: string[];
}

/** Runs the chains the plan allows with the selected stateful checks; nothing when none is selected. */
export async function runStatefulPhase(
  available: readonly Check[],
  spec: Spec,
  plan: Plan,
  readOnly: boolean,
  options: Omit<StatefulOptions, 'chains' | 'checks'>,
): Promise<StatefulOutcome> {
  const severity = new Map(plan.checks.map((c) => [c.id, c.severity]));
  const checks = sequenceChecks(available).filter((c) => severity.has(c.id));
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
  const mine = (ch: Chain) => !plan.shard || inShard(ch.create.key, plan.shard);
  const chains = statefulPlan(spec).filter(
    (ch) => mine(ch) && [ch.create, ch.read, ch.update, ch.delete].every((op) => !op || allowed.has(op.key)),
  );
  if (chains.length === 0)
    return {
      findings: [],
      requests: 0,
      notes: ['stateful checks: no create/read/delete chain among the planned operations'],
    };
  const out = await runStateful(spec, { ...options, chains, checks });
  // The walk judges at 'error'; a severity configured lower for a stateful check still applies.
  const findings = out.findings.map((f) =>
    severity.get(f.checkId) === 'warn' ? { ...f, severity: 'warn' as const } : f,
  );
  const notes = out.chains
    .filter((c) => c.notes.length > 0)
    .map((c) => `stateful ${c.collection}: ${c.notes.join('; ')}`);
  return { findings: dedupeFindings(findings), requests: out.exchanges.length, notes: [tally(out), ...notes] };
}

/** One line for the whole phase: how many chains were walked and judged, and how many were not, by why. */
function tally(out: StatefulResult): string {
  const count = (...o: ChainOutcome[]) => out.chains.filter((c) => o.includes(c.outcome)).length;
  const not = (['not started', 'not walked', 'cut short'] as const).filter((o) => count(o) > 0);
  const why = not.map((o) => `${count(o)} ${o}`).join(', ');
  return (
    `stateful chains: ${out.chains.length} planned, ${count('judged', 'adopted')} walked and judged ` +
    `(${count('adopted')} from a create the run had accepted), ${out.exchanges.length} request(s)` +
    (why ? `; ${why}` : '')
  );
}
