/**
 * Positive cases: whole requests that are valid. Each value passes the positive gate (every parameter and the
 * body validate, and survive serialization) before it is emitted; a bounded number of redraws, then a reported
 * problem, never an invalid "positive" request.
 */
import type fc from 'fast-check';
import { randomFromSeed } from './context.ts';
import { positiveProblem, type OperationGen, type RequestValue } from './request.ts';

/** Draws per case before giving up on it. */
export const MAX_DRAWS = 25;

/** A valid request value with its fast-check context (for shrinking), or the reason none was found. */
export type Drawn = { value: RequestValue; context: unknown; unpinned?: RequestValue } | { problem: string };

/**
 * Draws a valid request value from the case seed. `pin` overrides part of each drawn value before the gate
 * (a stream switch set on purpose); the context stays the unpinned value's, and shrinking re-applies `pin`
 * (`unpinned` is set only when the pin was kept).
 */
export function drawPositive(og: OperationGen, seed: number, pin?: (value: RequestValue) => RequestValue): Drawn {
  const random = randomFromSeed(seed);
  let problem = 'no draws';
  for (let i = 0; i < MAX_DRAWS; i++) {
    // Bias toward small and edge values on the first draws, as fast-check's runner does.
    const drawn: fc.Value<RequestValue> = og.arbitrary.generate(random, i < 5 ? 3 : undefined);
    if (pin) {
      const value = pin(drawn.value);
      if (!positiveProblem(og, value)) return { value, context: drawn.context, unpinned: drawn.value };
    }
    // A pin the schema does not allow here (a `stream` that must be false in this branch) is dropped, not forced.
    const why = positiveProblem(og, drawn.value);
    if (!why) return { value: drawn.value, context: drawn.context };
    problem = why;
  }
  return { problem: `no valid request in ${MAX_DRAWS} draws; last reason: ${problem}` };
}
