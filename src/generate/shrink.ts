/**
 * Shrinking a failing case to a smaller one that still fails, on fast-check's own shrinker for the request
 * arbitrary. A negative case is shrunk through its valid base and its mutation is re-applied and re-verified
 * at every step: if the shrunk request is in fact valid it is not a negative case any more, and that step is
 * refused (the false positive Schemathesis #4332 fixed after shipping).
 */
import type { Case } from '../types.ts';
import { origins } from './generate.ts';
import { mutationsOf } from './mutation-list.ts';
import { positiveProblem, renderCase, type Draft, type RequestValue } from './request.ts';
import type { CaseOrigin } from './generate.ts';

/** Options of `shrinkCase`. */
export interface ShrinkOptions {
  /** Candidate requests tried at most (each costs one `stillFails` call). */
  maxAttempts?: number;
}

function rebuild(origin: CaseOrigin, base: RequestValue, c: Case): { draft: Draft; case: Case } | undefined {
  const index = Number(c.id.slice(c.id.lastIndexOf('/') + 1));
  if (!origin.mutation) {
    const value = origin.pin ? origin.pin(base) : base;
    if (positiveProblem(origin.og, value)) return undefined;
    const draft = { value };
    const out = renderCase(origin.og, draft, { kind: c.kind, index, seed: c.seed });
    return out && { draft, case: out };
  }
  const m = mutationsOf(origin.og).find((x) => x.id === origin.mutation);
  const applied = m?.apply(base);
  if (!m || !applied) return undefined;
  const out = renderCase(origin.og, applied.draft, {
    kind: c.kind,
    index,
    seed: c.seed,
    violation: { location: m.location, keyword: m.keyword, message: applied.message },
  });
  if (!out || (m.verify && !m.verify(applied.draft, out))) return undefined;
  return { draft: applied.draft, case: out };
}

/**
 * Shrinks `c` while `stillFails` holds; returns the smallest failing case found (`c` itself when it cannot be
 * shrunk: examples, boundary cases and cases not generated in this process).
 */
export async function shrinkCase(
  c: Case,
  stillFails: (candidate: Case) => Promise<boolean>,
  options: ShrinkOptions = {},
): Promise<Case> {
  const origin = origins.get(c);
  if (!origin || origin.context === undefined) return c;
  let budget = options.maxAttempts ?? 200;
  let base: RequestValue = baseOf(origin);
  let context: unknown = origin.context;
  let current = c;
  for (let improved = true; improved && budget > 0; ) {
    improved = false;
    for (const candidate of origin.og.arbitrary.shrink(base, context)) {
      if (budget-- <= 0) break;
      const built = rebuild(origin, candidate.value, c);
      if (!built || !(await stillFails(built.case))) continue;
      base = candidate.value;
      context = candidate.context;
      current = built.case;
      origins.set(current, { ...origin, draft: built.draft, context, base });
      improved = true;
      break;
    }
  }
  return current;
}

/** The valid request a negative case was mutated from (kept in its origin as the draft's value). */
function baseOf(origin: CaseOrigin): RequestValue {
  return origin.base ?? origin.draft.value;
}
