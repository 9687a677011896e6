/** Per-operation cases: generated kind by kind from the operation's seed, then given the run's auth. */
import { KIND_ORDER } from '../plan/index.ts';
import type { Case, CaseKind, Operation, PlannedOperation, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';
import type { GenerationJob, KindResult } from './generation-pool.ts';

/** Generates `count` cases of one kind for one operation, deterministically from `seed`, with the problems met. */
export type GenerateCases = (
  spec: Spec,
  operation: Operation,
  options: { kind: CaseKind; count: number; seed: number; validator?: Validator; start?: number },
) => Case[] | { cases: Case[]; problems: Array<{ reason: string }> };

/** The first case index per kind (a deepening round continues the ranked negatives where earlier rounds ended). */
export type StartAt = Partial<Record<CaseKind, number>>;

/** The generated case behind each authorised copy: shrinking rebuilds from the generator's own object. */
export const generatedCase = new WeakMap<Case, Case>();

/**
 * For cases made on the generation thread: rebuilds the generator's own object in this thread (generation is
 * deterministic, so it is the same case), because only a case generated here carries what shrinking needs.
 */
const remake = new WeakMap<Case, () => Case | undefined>();

/** The kinds a planned operation generates, in sending order. */
export function kindsOf(planned: PlannedOperation): GenerationJob['kinds'] {
  return KIND_ORDER.filter((kind) => planned.budget[kind] > 0).map((kind) => ({ kind, count: planned.budget[kind] }));
}

/** Generates every kind of a planned operation (or just `only`) in this thread. */
export function generateHere(
  spec: Spec,
  planned: PlannedOperation,
  generate: GenerateCases,
  validator?: Validator,
  only?: CaseKind,
  start: StartAt = {},
): KindResult[] {
  return kindsOf(planned)
    .filter(({ kind }) => only === undefined || kind === only)
    .map(({ kind, count }): KindResult => {
      try {
        const out = generate(spec, planned.operation, {
          kind,
          count,
          seed: planned.seed,
          ...(validator ? { validator } : {}),
          ...(start[kind] ? { start: start[kind] } : {}),
        });
        return Array.isArray(out)
          ? { kind, cases: out, problems: [] }
          : { kind, cases: out.cases, problems: out.problems };
      } catch (error) {
        return { kind, cases: [], problems: [], error: (error as Error).message };
      }
    });
}

/**
 * Cases in sending order with the run's credentials, and notes on kinds that could not be generated. With
 * `regenerate`, the results came from the generation thread and `regenerate` rebuilds a kind here on demand.
 */
export function prepareCases(
  results: KindResult[],
  authorize: (c: Case) => Case,
  regenerate?: (kind: KindResult['kind']) => Case[],
): { cases: Case[]; notes: string[] } {
  const notes: string[] = [];
  const cases: Case[] = [];
  for (const { kind, cases: generated, problems, error } of results) {
    if (error !== undefined) notes.push(`${kind} cases could not be generated: ${error}`);
    notes.push(...[...new Set(problems.map((p) => `${kind}: ${p.reason}`))]);
    let here: Case[] | undefined;
    for (const c of generated) {
      const authorised = authorize(c);
      generatedCase.set(authorised, c);
      if (regenerate) remake.set(authorised, () => (here ??= regenerate(kind)).find((h) => h.id === c.id));
      cases.push(authorised);
    }
  }
  return { cases, notes };
}

/** The generator's own object behind a sent case (rebuilt here when it was made on the generation thread). */
export function originalCase(sent: Case): Case {
  return remake.get(sent)?.() ?? generatedCase.get(sent) ?? sent;
}
