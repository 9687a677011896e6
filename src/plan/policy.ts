/**
 * The status policy of an operation: which statuses mean "rejected" for a negative case and "accepted" for a
 * positive one. Defaults are printed in the report so nobody has to guess where an allowed status came from.
 */
import { TOO_LARGE, type JsonObject, type Operation, type StatusPolicy } from '../types.ts';

/** Statuses that always count as a rejection, documented or not (bad input, not found, method, media type, size). */
export const DEFAULT_REJECTED = [400, 404, 405, 406, 409, 415, 422, ...TOO_LARGE];

/** Every 2xx status. */
export const ACCEPTED_2XX = Array.from({ length: 100 }, (_, i) => 200 + i);

/**
 * The default policy for one operation: documented 4xx plus the defaults rejected; 2xx accepted, and a
 * documented 404 too (a schema-valid request may still name a resource that does not exist, in a path or a body).
 */
export function defaultPolicy(operation: Operation): StatusPolicy {
  const responses = (operation.object.responses ?? {}) as JsonObject;
  const documented4xx = Object.keys(responses).flatMap((key) => {
    if (/^4\d\d$/.test(key)) return [Number(key)];
    if (/^4XX$/i.test(key)) return Array.from({ length: 100 }, (_, i) => 400 + i);
    return [];
  });
  const rejected = [...new Set([...documented4xx, ...DEFAULT_REJECTED])].sort((a, b) => a - b);
  const accepted = '404' in responses ? [...ACCEPTED_2XX, 404] : ACCEPTED_2XX;
  return { rejected, accepted, source: 'default' };
}

/** Compact text of a status list: `200-299`, `400, 404-406`. */
export function formatStatuses(statuses: number[]): string {
  const sorted = [...new Set(statuses)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(', ');
}
