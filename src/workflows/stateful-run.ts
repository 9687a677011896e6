/**
 * `runStateful`: walks each chain of `statefulPlan` against the API — create, read, (replay the create with
 * the same Idempotency-Key, then with a different valid body), delete, read again (`stateful-walk.ts`) — and
 * judges each chain's exchanges with the stateful checks (`use_after_free`, `ensure_resource_availability`,
 * `idempotency`) and each single exchange with the run's response checks (`judge`), as any other request.
 */
import { Agent } from 'undici';
import type { Check, CheckContext } from '../check/check.ts';
import { CHECKS, runSequenceChecks, sequenceChecks } from '../check/index.ts';
import { generateCases as realGenerate } from '../generate/index.ts';
import type { Case, CaseKind, Exchange, Finding, Operation, Spec } from '../types.ts';
import { createValidator, type Validator } from '../validate/index.ts';
import type { WorkflowTransport } from './run-state.ts';
import { statefulPlan, type Chain } from './stateful-plan.ts';
import { ChainWalk, WalkStopped } from './stateful-walk.ts';

/** The stateful checks, in report order. */
export const STATEFUL_CHECKS: readonly Check[] = sequenceChecks(CHECKS);

type Generate = (
  spec: Spec,
  op: Operation,
  o: { kind: CaseKind; count: number; seed: number; validator?: Validator },
) => Case[] | { cases: Case[] };

/** Options of `runStateful`. */
export interface StatefulOptions extends WorkflowTransport {
  generateCases?: Generate;
  /** Chains to walk (default: all of `statefulPlan(spec)`). */
  chains?: Chain[];
  /** Requests the walk may send in all; a chain that might not fit is not started (a half-walked chain says nothing). */
  maxRequests?: number;
  /** True once the run's hard limit is reached: nothing more is sent, and a chain cut short is not judged. */
  stopped?: () => boolean;
  /** Creates the run had accepted, per operation key (newest last): they seed the chains. */
  creates?: ReadonlyMap<string, readonly Exchange[]>;
  /** What the run saw of an operation before the chains: requests sent and statuses. */
  seen?: (key: string) => { requests: number; statuses: readonly number[] } | undefined;
  /** The run's response checks on one exchange of a chain (status, content type, headers, schema, ...). */
  judge?: (exchange: Exchange, operation: Operation) => Finding[];
}

/** The most requests one chain sends: up to four creates, read, replay and reuse, delete, read after delete. */
export const MAX_CHAIN_REQUESTS = 9;

/**
 * How a chain ended: walked and judged (from a create of its own, or adopted from the run), or not: no create
 * was accepted (or it gave no id), the budget left no room to start it, or the run's limit cut it short. The
 * creates a chain that did not start sent are still judged as single exchanges.
 */
export type ChainOutcome = 'judged' | 'adopted' | 'not started' | 'not walked' | 'cut short';

/** What the walk produced; `notes` say why a chain stopped early (no verdict is not a pass). */
export interface StatefulResult {
  findings: Finding[];
  /** Exchanges the walks sent (an adopted create of the run is not one of them). */
  exchanges: Exchange[];
  chains: Array<{
    collection: string;
    source: Chain['source'];
    exchanges: number;
    notes: string[];
    outcome: ChainOutcome;
  }>;
}

/** Walks every chain and judges it. */
export async function runStateful(spec: Spec, options: StatefulOptions): Promise<StatefulResult> {
  const dispatcher = options.dispatcher ?? new Agent({ connections: 2, pipelining: 1 });
  const validator = options.validator ?? createValidator(spec);
  const o = { ...options, generateCases: options.generateCases ?? realGenerate };
  const out: StatefulResult = { findings: [], exchanges: [], chains: [] };
  try {
    const chains = options.chains ?? statefulPlan(spec);
    for (const [i, chain] of chains.entries()) {
      const limit = o.maxRequests !== undefined && out.exchanges.length + MAX_CHAIN_REQUESTS > o.maxRequests;
      if (limit || o.stopped?.()) {
        const why = limit ? 'not walked: --max-requests would be passed' : "not walked: the run's budget was spent";
        for (const { collection, source } of chains.slice(i))
          out.chains.push({ collection, source, exchanges: 0, notes: [why], outcome: 'not walked' });
        break;
      }
      const walk = new ChainWalk(spec, chain, o, dispatcher, validator);
      const cut = await walk.run().then(
        () => false,
        (error: unknown) => (error instanceof WalkStopped ? true : Promise.reject(error)),
      );
      const sent = walk.exchanges.filter((e) => e !== walk.adopted);
      out.exchanges.push(...sent);
      const notes = cut ? ["cut short: the run's budget was spent (not judged)"] : walk.notes;
      const outcome = cut ? 'cut short' : !walk.started ? 'not started' : walk.adopted ? 'adopted' : 'judged';
      out.chains.push({ collection: chain.collection, source: chain.source, exchanges: sent.length, notes, outcome });
      // An adopted create is not judged with the chain: the run may have changed or deleted that resource since.
      const judged = walk.adopted ? sent : walk.exchanges;
      if (!cut) out.findings.push(...judgeChain(spec, chain, judged, sent, { ...o, validator }));
    }
  } finally {
    if (!options.dispatcher) await dispatcher.close().catch(() => undefined);
  }
  return out;
}

/**
 * A walked chain's findings: the stateful checks over the whole chain, then the response checks over each
 * exchange the walk sent. The reuse of an Idempotency-Key with another body is meant to be refused: whether it
 * is, is the idempotency check's verdict, not "valid input rejected".
 */
function judgeChain(
  spec: Spec,
  chain: Chain,
  all: Exchange[],
  sent: Exchange[],
  o: StatefulOptions & { validator: Validator },
): Finding[] {
  const ctx: CheckContext = {
    spec,
    validator: o.validator,
    operation: chain.create,
    seed: o.seed ?? 0,
    policy: { rejected: [], accepted: [], source: 'stateful' },
    severity: 'error',
    maxResponseTimeMs: o.timeoutMs ?? 10_000,
  };
  const findings = runSequenceChecks(all, o.checks ?? STATEFUL_CHECKS, ctx).findings;
  if (!o.judge) return findings;
  const ops = [chain.create, chain.read, chain.update, chain.delete].filter((x): x is Operation => x !== undefined);
  for (const e of sent) {
    const op = ops.find((x) => x.key === e.case.operation) ?? chain.create;
    const reuse = e.case.id.endsWith('/reuse');
    findings.push(...o.judge(e, op).filter((f) => !(reuse && f.checkId === 'positive_data_acceptance')));
  }
  return findings;
}
