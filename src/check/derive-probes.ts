/**
 * Probes: the probing checks derive extra requests from a valid case that got a response, at most `limit` per
 * check and operation. Pure: the counts asked so far come in, the new counts go out.
 */
import type { Case, Exchange, StatusPolicy } from '../types.ts';
import type { CheckContext, JudgingCheck } from './check.ts';

const VALID_KINDS = new Set<Case['kind']>(['example', 'positive', 'boundary']);

/** What deriving gave: probes to send, the new per-check counts, and notes on checks that threw. */
export interface DerivedProbes {
  probes: Array<{ case: Case; checkId: string; omitsCredentials: boolean }>;
  asked: Record<string, number>;
  notes: string[];
}

/** How to derive: the run's limit per check, and whether only accepted (policy 2xx) cases may seed probes. */
export interface ProbeOptions {
  limit: number;
  /** With a policy, only cases the server accepted seed probes, so probes start from a request that works. */
  acceptedBy?: StatusPolicy;
}

/** Asks each probing check of `checks` for a probe derived from `exchange`'s case. */
export function deriveProbes(
  checks: readonly JudgingCheck[],
  exchange: Exchange,
  ctx: CheckContext,
  asked: Readonly<Record<string, number>>,
  options: ProbeOptions,
): DerivedProbes {
  const out: DerivedProbes = { probes: [], asked: { ...asked }, notes: [] };
  const status = exchange.response?.status;
  if (!VALID_KINDS.has(exchange.case.kind) || status === undefined) return out;
  if (options.acceptedBy && !options.acceptedBy.accepted.includes(status)) return out;
  for (const check of checks) {
    if (check.kind !== 'probe' || (out.asked[check.id] ?? 0) >= options.limit) continue;
    const c = { ...ctx, severity: ctx.severities?.[check.id] ?? check.defaultSeverity };
    let probe: Case | undefined;
    try {
      probe = check.probe(exchange.case, c);
    } catch (error) {
      out.notes.push(`check ${check.id} threw while deriving a probe: ${(error as Error).message}`);
    }
    out.asked[check.id] = (out.asked[check.id] ?? 0) + 1;
    if (probe) out.probes.push({ case: probe, checkId: check.id, omitsCredentials: check.omitsCredentials ?? false });
  }
  return out;
}
