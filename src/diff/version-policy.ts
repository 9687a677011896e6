/**
 * The versioning promise: within a major version (a path prefix such as `/v1/`) the API stays backward
 * compatible; incompatible changes ship under a new major prefix. So a breaking change under a major that
 * the base already has stays breaking, and one under a major that only the head has is downgraded to info.
 */
import type { Operation } from '../types.ts';
import type { ChangeKind } from './types.ts';

/** Default major-version prefix: `/v1/...`, `/v2/...`. The first capture group (or the whole match) names the major. */
export const DEFAULT_VERSION_PREFIX = '^/v(\\d+)(?:/|$)';

/** The major a path belongs to under `pattern`, or undefined for unversioned paths. */
export function majorOf(path: string, pattern: RegExp | undefined): string | undefined {
  if (!pattern) return undefined;
  const match = pattern.exec(path);
  return match ? (match[1] ?? match[0]) : undefined;
}

/** Majors of each document and what changed between them. */
export interface MajorVersions {
  base: string[];
  head: string[];
  added: string[];
  removed: string[];
}

/** Lists the majors each document serves. */
export function majorVersions(base: Operation[], head: Operation[], pattern: RegExp | undefined): MajorVersions {
  const collect = (ops: Operation[]) =>
    [...new Set(ops.map((op) => majorOf(op.path, pattern)).filter((m): m is string => !!m))].sort(byNumber);
  const b = collect(base);
  const h = collect(head);
  return { base: b, head: h, added: h.filter((m) => !b.includes(m)), removed: b.filter((m) => !h.includes(m)) };
}

/** Applies the promise to one change: breaking is only allowed under a major the base does not have. */
export function applyVersionPolicy(
  change: { kind: ChangeKind; message: string },
  path: string,
  majors: MajorVersions,
  pattern: RegExp | undefined,
): { kind: ChangeKind; message: string } {
  const major = majorOf(path, pattern);
  if (change.kind !== 'breaking' || major === undefined || !majors.added.includes(major)) return change;
  return { kind: 'info', message: `${change.message} (allowed: major version ${major} is new in this revision)` };
}

function byNumber(a: string, b: string): number {
  return Number(a) - Number(b) || a.localeCompare(b);
}
