/**
 * Negative cases: a valid request with exactly ONE violation, recorded as `{location, keyword, message}`.
 *
 * Rules that keep negative cases honest (a server MUST reject every one of them):
 * - every mutated request is re-validated before it is emitted: the mutated part must fail its schema, with
 *   the recorded keyword among the errors; otherwise the mutation is dropped;
 * - parameters travel as text, so a parameter mutation is checked against every reading a server may make of
 *   that text (as a string, a number, a boolean): `"123"` for an integer query parameter is NOT a violation;
 * - unconstrained parameters (`{}` schema) get no value mutations, only "missing" when required;
 * - an empty value for an optional parameter or form field is not a violation (servers may read it as absent);
 * - path parameters are never removed (that changes the route), never empty or dot segments, and a mutated
 *   path that another operation's template would also match is dropped (routing ambiguity);
 * - header values stay legal HTTP header values.
 */
import type { Case } from '../types.ts';
import type { CaseOrigin } from './generate.ts';
import { mutationsOf } from './mutation-list.ts';
import { baseSequence } from './bases.ts';
import { renderCase, type OperationGen } from './request.ts';
import { caseSeed } from './seed.ts';

export type { Mutation } from './mutation-list.ts';

/**
 * Negative case `index`: mutation `index mod n` of the ranked list (most important violations first, the same
 * for every seed, so a small budget always covers the missing required fields), applied to the best base that
 * has the mutated spot (the example request first, see bases.ts); the next mutations if it does not apply.
 */
export function negativeCase(
  og: OperationGen,
  seed: number,
  index: number,
): { case: Case; origin: CaseOrigin } | { problem: string } {
  const list = mutationsOf(og);
  if (list.length === 0)
    return { problem: 'no constraint in this operation can be violated in a way a server must reject' };
  const caseSeedValue = caseSeed(seed, og.model.operation.key, 'negative', index);
  // Bases are drawn once per case and shared by every mutation tried (an optional spot may be absent from one
  // base and present in another).
  const bases = baseSequence(og, seed, 'negative', index);
  // The first round over the list starts from the example request; later rounds (a budget larger than the
  // list) from the example filled from this case's own draw, so a repeated mutation is not a repeated request.
  const start = index < list.length ? 0 : Math.min(1, bases.count - 1);
  let problem: string | undefined;
  for (let tries = 0; tries < Math.min(list.length, 40); tries++) {
    const m = list[(index + tries) % list.length]!;
    for (let j = 0; j < bases.count; j++) {
      const base = bases.at((start + j) % bases.count);
      if (!base || 'problem' in base) {
        problem ??= base?.problem;
        continue;
      }
      const applied = m.apply(base.value);
      if (!applied) continue;
      const c = renderCase(og, applied.draft, {
        kind: 'negative',
        index,
        seed: caseSeedValue,
        violation: { location: m.location, keyword: m.keyword, message: applied.message },
      });
      if (!c || (m.verify && !m.verify(applied.draft, c))) continue;
      return { case: c, origin: { og, draft: applied.draft, context: base.context, mutation: m.id, base: base.value } };
    }
  }
  if (problem) return { problem };
  return {
    problem: `no mutation yields a request a server must reject (tried ${list
      .slice(0, 6)
      .map((m) => m.id)
      .join(', ')}${list.length > 6 ? ', ...' : ''})`,
  };
}
