/**
 * `ensure_resource_availability`: a resource a create answered 200/201 for can be read right after.
 * Judged on a sequence. No false positive for async creation (202), for reads after a DELETE of the
 * resource, for throttled or failing reads (429, 5xx: other checks own those), or when no id was returned.
 */
import type { Exchange } from '../types.ts';
import type { SequenceCheck } from './check.ts';
import { makeFinding } from './finding.ts';

/** The id a create response returns: `id` of a JSON body, else the last segment of `Location`. */
export function createdId(e: Exchange): string | undefined {
  try {
    const b = JSON.parse(e.response?.body ?? '') as { id?: unknown };
    if (typeof b?.id === 'string' || typeof b?.id === 'number') return String(b.id);
  } catch {
    // not JSON: try Location below
  }
  const loc = e.response?.headers.location;
  const text = Array.isArray(loc) ? loc[0] : loc;
  return text
    ? decodeURIComponent(text.split('?')[0]!.replace(/\/+$/, '').split('/').pop() ?? '') || undefined
    : undefined;
}

const isCreate = (e: Exchange) =>
  ['POST', 'PUT'].includes(e.case.method.toUpperCase()) && (e.response?.status === 200 || e.response?.status === 201);

const check: SequenceCheck = {
  kind: 'sequence',
  id: 'ensure_resource_availability',
  description: 'A resource that was just created (200/201 with an id) can be read.',
  defaultSeverity: 'error',
  runSequence(exchanges, ctx) {
    const findings = [];
    for (const [i, created] of exchanges.entries()) {
      if (!isCreate(created)) continue;
      const id = createdId(created);
      if (!id) continue;
      const suffix = `/${encodeURIComponent(id)}`;
      const rest = exchanges.slice(i + 1);
      const read = rest.find((e) => e.case.method.toUpperCase() === 'GET' && e.case.path.endsWith(suffix));
      if (!read || (read.response?.status !== 404 && read.response?.status !== 410)) continue;
      const deletedBefore = rest
        .slice(0, rest.indexOf(read))
        .some((e) => e.case.method.toUpperCase() === 'DELETE' && e.case.path === read.case.path);
      if (deletedBefore) continue;
      const op = ctx.spec.operations.find((o) => o.key === read.case.operation) ?? ctx.operation;
      findings.push(
        makeFinding(
          check.id,
          read,
          { ...ctx, operation: op },
          {
            cause: 'created resource not readable',
            message: `Received: ${read.response!.status} for GET ${read.case.path}\nExpected: the resource ${created.case.method} ${created.case.path} just created (${created.response!.status}, id ${id})`,
          },
        ),
      );
    }
    return findings;
  },
};

export default check;
