/**
 * Probes against live resources. The probing checks (`ignored_auth`, `missing_required_header`) derive a few
 * probes per operation from its first accepted cases; on an operation whose ids were generated those are often
 * refusals of an unknown id, which prove nothing about auth. A valid case that used live values (`Case.live`)
 * and was accepted therefore gets an allowance of its own, one probe per check, kept under `live:<check>`.
 */
import type { Exchange } from '../types.ts';

const LIVE = 'live:';

/** The counts and limit to derive probes from `exchange` with, and how to fold the new counts back. */
export function probeAllowance(
  probesBy: Readonly<Record<string, number>>,
  exchange: Exchange,
  acceptedOnly: boolean,
  limit: number,
): { asked: Record<string, number>; limit: number; merge(asked: Record<string, number>): Record<string, number> } {
  const live = acceptedOnly && Object.keys(exchange.case.live ?? {}).length > 0;
  if (!live) return { asked: { ...probesBy }, limit, merge: (asked) => ({ ...probesBy, ...asked }) };
  const own = Object.entries(probesBy).filter(([k]) => k.startsWith(LIVE));
  const asked = Object.fromEntries(own.map(([k, n]) => [k.slice(LIVE.length), n]));
  const merge = (next: Record<string, number>) => ({
    ...probesBy,
    ...Object.fromEntries(Object.entries(next).map(([k, n]) => [`${LIVE}${k}`, n])),
  });
  return { asked, limit: 1, merge };
}
