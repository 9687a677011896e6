import { describe, expect, it } from 'vitest';
import type { Exchange, PlannedOperation } from '../types.ts';
import { judged, newOperationRun, SHAPES_KEPT } from './operation-run.ts';

/** An answer whose JSON body has one property named after `n`: a shape of its own. */
const answer = (n: number): Exchange =>
  ({
    case: { id: `c${n}`, kind: 'positive' },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: `{"field_${n}":1}` },
  }) as unknown as Exchange;
const verdict = { findings: [], checked: [], unchecked: [] };

describe('judged', () => {
  it('remembers a bounded number of shapes, and a shape never seen still counts as news past the bound', () => {
    let run = newOperationRun({ operation: { key: 'GET /x' } } as PlannedOperation);
    const item = { case: answer(0).case, attempt: 1 };
    for (let n = 0; n < 3 * SHAPES_KEPT; n++) run = judged(run, item, answer(n), verdict);
    expect(run.tally.shapes).toHaveLength(SHAPES_KEPT);
    expect(run.tally.novel).toBe(3 * SHAPES_KEPT + 1); // every shape, and the one status
    run = judged(run, item, answer(0), verdict);
    expect(run.tally.novel).toBe(3 * SHAPES_KEPT + 1); // a remembered shape is no news
  });
});
