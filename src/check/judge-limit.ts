/**
 * A 429 the generated cases meet (not the burst's) is retried after its back-off; where the operation documents a
 * 429, the answer itself is judged first (headers, `Retry-After`, body), so a rate limit's drift is seen even on an
 * operation whose burst comes late or never. An undocumented 429 is left to the back-off: it says nothing yet.
 */
import type { CheckContext, JudgingCheck } from './check.ts';
import { runChecks } from './index.ts';
import { findResponse } from './responses.ts';
import type { Exchange, Finding } from '../types.ts';

/** The findings of a documented 429 about to be retried; none for any other answer. */
export function limitFindings(exchange: Exchange, checks: readonly JudgingCheck[], ctx: CheckContext): Finding[] {
  if (exchange.response?.status !== 429) return [];
  if (findResponse(ctx.spec, ctx.operation, 429)?.how !== 'exact') return [];
  return runChecks(exchange, [...checks], ctx).findings;
}
