/**
 * Security requirements are alternatives (OR) of sets of schemes (AND), each scheme with scopes.
 * A base alternative stays usable when some head alternative asks for a subset of it: that is the whole test.
 * @see https://spec.openapis.org/oas/v3.1.0#security-requirement-object
 */
import type { Detail, OperationContext } from '../types.ts';

type Requirement = Record<string, string[]>;

/** True when every scheme (and scope) `need` asks for is part of `have`. */
function satisfiedBy(need: Requirement, have: Requirement): boolean {
  return Object.entries(need).every(([scheme, scopes]) => {
    const granted = have[scheme];
    return granted !== undefined && scopes.every((s) => granted.includes(s));
  });
}

/** `[]` means no authentication: one empty alternative. */
function alternatives(security: Requirement[]): Requirement[] {
  return security.length === 0 ? [{}] : security;
}

function describe(security: Requirement[]): string {
  const alts = alternatives(security);
  if (alts.every((a) => Object.keys(a).length === 0)) return 'none';
  return alts.map((a) => Object.keys(a).join(' + ') || 'none').join(' or ');
}

/** `tightened`: some base alternative no longer works. `relaxed`: some head alternative needs less than any base one. */
export function securityChange(ctx: OperationContext, want: 'tightened' | 'relaxed'): Detail[] {
  const before = alternatives(ctx.pair.base.security);
  const after = alternatives(ctx.pair.head.security);
  const tightened = before.some((b) => !after.some((a) => satisfiedBy(a, b)));
  const relaxed = after.some((a) => !before.some((b) => satisfiedBy(b, a)));
  if (!(want === 'tightened' ? tightened : relaxed)) return [];
  const message = `security changed from ${describe(ctx.pair.base.security)} to ${describe(ctx.pair.head.security)}`;
  return [{ message, base: ctx.pair.base.pointer, head: ctx.pair.head.pointer }];
}
