/** Per-operation cases: generated kind by kind from the operation's seed, then given the run's auth. */
import { KIND_ORDER, type PlannedOperation } from '../plan/index.ts';
import { applyAuth, authFor, type Credentials } from '../send/index.ts';
import type { Case, Spec } from '../types.ts';
import type { GenerateCases } from './deps.ts';

/** Cases for one operation in sending order, and notes on kinds that could not be generated. */
export function prepareCases(spec: Spec, planned: PlannedOperation, generate: GenerateCases, creds: Credentials): { cases: Case[]; notes: string[] } {
  const notes: string[] = [];
  const cases: Case[] = [];
  const placements = authFor(spec, planned.operation, creds);
  for (const kind of KIND_ORDER) {
    const count = planned.budget[kind];
    if (count <= 0) continue;
    try {
      for (const c of generate(spec, planned.operation, { kind, count, seed: planned.seed })) cases.push(applyAuth(c, placements, creds));
    } catch (error) {
      notes.push(`${kind} cases could not be generated: ${(error as Error).message}`);
    }
  }
  return { cases, notes };
}
