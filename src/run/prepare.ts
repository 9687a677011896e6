/** Per-operation cases: generated kind by kind from the operation's seed, then given the run's auth. */
import { KIND_ORDER, type PlannedOperation } from '../plan/index.ts';
import { applyAuth, authFor, type Credentials } from '../send/index.ts';
import type { Case, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import type { GenerateCases } from './deps.ts';

/** The generated case behind each authorised copy: shrinking rebuilds from the generator's own object. */
export const generatedCase = new WeakMap<Case, Case>();

/** Cases for one operation in sending order, and notes on kinds that could not be generated. */
export function prepareCases(spec: Spec, planned: PlannedOperation, generate: GenerateCases, creds: Credentials, validator?: Validator): { cases: Case[]; notes: string[] } {
  const notes: string[] = [];
  const cases: Case[] = [];
  const placements = authFor(spec, planned.operation, creds);
  for (const kind of KIND_ORDER) {
    const count = planned.budget[kind];
    if (count <= 0) continue;
    try {
      const out = generate(spec, planned.operation, { kind, count, seed: planned.seed, ...(validator ? { validator } : {}) });
      const generated = Array.isArray(out) ? out : out.cases;
      if (!Array.isArray(out)) notes.push(...[...new Set(out.problems.map((p) => `${kind}: ${p.reason}`))]);
      for (const c of generated) {
        const authorised = applyAuth(c, placements, creds);
        generatedCase.set(authorised, c);
        cases.push(authorised);
      }
    } catch (error) {
      notes.push(`${kind} cases could not be generated: ${(error as Error).message}`);
    }
  }
  return { cases, notes };
}
