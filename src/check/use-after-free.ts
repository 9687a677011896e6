/**
 * `use_after_free`: after a DELETE of a resource succeeded, reading it again must answer 404 or 410.
 * Judged on a sequence (a stateful chain or workflow). No false positive for soft deletes and cancels: a
 * DELETE that answers 202 (accepted, maybe not done), or whose body is the resource itself in a new state
 * (e.g. a cancelled job), does not free anything; a read whose body says `deleted: true` is not a use.
 */
import type { Exchange, Operation } from '../types.ts';
import type { SequenceCheck, CheckContext } from './check.ts';
import { makeFinding } from './finding.ts';

function body(e: Exchange): unknown {
  try {
    return e.response?.body ? JSON.parse(e.response.body) : undefined;
  } catch {
    return undefined;
  }
}

const DEAD = new Set(['deleted', 'removed', 'cancelled', 'canceled', 'archived', 'destroyed']);

/** True when the DELETE really removed the resource: 204/205, an empty body, or a body acknowledging `deleted`. */
export function freed(e: Exchange): boolean {
  const s = e.response?.status ?? 0;
  if (e.case.method.toUpperCase() !== 'DELETE' || s < 200 || s > 299 || s === 202) return false;
  const b = body(e) as Record<string, unknown> | undefined;
  if (s === 204 || s === 205 || !e.response?.body.trim() || b === undefined) return true;
  if (b !== null && typeof b === 'object' && !Array.isArray(b))
    return b.deleted === true || Object.keys(b).length === 0;
  return false;
}

/** True when a read's body itself says the resource is gone (a tombstone), which is not a use after free. */
function tombstone(e: Exchange): boolean {
  const b = body(e) as Record<string, unknown> | null | undefined;
  return (
    !!b &&
    typeof b === 'object' &&
    (b.deleted === true || (typeof b.status === 'string' && DEAD.has(b.status.toLowerCase())))
  );
}

function contextFor(ctx: CheckContext, e: Exchange): CheckContext {
  const op: Operation | undefined = ctx.spec.operations.find((o) => o.key === e.case.operation);
  return op ? { ...ctx, operation: op } : ctx;
}

const check: SequenceCheck = {
  kind: 'sequence',
  id: 'use_after_free',
  description: 'A resource whose DELETE succeeded is no longer readable (404 or 410).',
  defaultSeverity: 'error',
  runSequence(exchanges, ctx) {
    const findings = [];
    for (const [i, del] of exchanges.entries()) {
      if (!freed(del)) continue;
      const later = exchanges
        .slice(i + 1)
        .find((e) => e.case.method.toUpperCase() === 'GET' && e.case.path === del.case.path && e.response);
      const s = later?.response?.status ?? 0;
      if (!later || s < 200 || s > 299 || tombstone(later)) continue;
      findings.push(
        makeFinding(check.id, later, contextFor(ctx, later), {
          cause: 'deleted resource still readable',
          message: `Received: ${s} for GET ${later.case.path} after DELETE ${del.case.path} answered ${del.response!.status}\nExpected: 404 or 410 (the resource was deleted)`,
        }),
      );
    }
    return findings;
  },
};

export default check;
