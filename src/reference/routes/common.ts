/** Helpers shared by route handlers: list pages, owned-resource lookup, root-only guard, canonical JSON. */
import { createHash } from 'node:crypto';
import { forbidden, notFound } from '../errors.ts';
import { canSee, type OwnerId } from '../store.ts';
import type { RouteContext } from '../types.ts';

/** A `{object: 'list', data, has_more}` page of `items` (already in listing order) after cursor `after`. */
export function page<T extends { id: string }>(
  items: T[],
  limit: number,
  after?: string,
): { object: 'list'; data: T[]; has_more: boolean } {
  // An unknown cursor yields an empty page rather than 400: any string is a valid cursor per the contract.
  const start = after === undefined ? 0 : items.findIndex((x) => x.id === after) + 1 || items.length;
  const data = items.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < items.length };
}

/** The `limit` and `after` query values with the contract's default page size. */
export const pageParams = (ctx: RouteContext, defaultLimit = 20): [number, string | undefined] => [
  (ctx.query.limit as number | undefined) ?? defaultLimit,
  ctx.query.after as string | undefined,
];

/** The value of `id` in `map` if the caller may see it; otherwise a 404 (also for other tenants). */
export function owned<T extends { owner: OwnerId }>(
  map: Map<string, T>,
  id: string,
  ctx: RouteContext,
  what: string,
): T {
  const rec = map.get(id);
  if (!rec || !canSee(ctx.principal.owner, rec.owner)) throw notFound(what, id);
  return rec;
}

/** Values of `map` the caller may see, newest first. */
export function visible<T extends { owner: OwnerId }>(map: Map<string, T>, ctx: RouteContext): T[] {
  return [...map.values()].filter((r) => canSee(ctx.principal.owner, r.owner)).reverse();
}

/** Throws 403 unless the caller holds the root key. */
export function requireRoot(ctx: RouteContext): void {
  if (ctx.principal.owner !== 'root') throw forbidden('Sub-account keys cannot manage sub-accounts.');
}

/** JSON with object keys sorted, so two equal bodies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as any)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 hex of a string. */
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
