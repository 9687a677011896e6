import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseKind, Exchange, Finding } from '../types.ts';
import { DETAIL_BOUND, FindingFold } from './finding-fold.ts';
import { dedupeFindings } from './findings.ts';

/** A finding on a case of `kind` (none: no exchange) whose request is `size` characters of query. */
const finding = (cause: string, kind: CaseKind | 'none', size: number, details?: string[]): Finding => ({
  checkId: cause === 'c' ? 'other' : 'check',
  severity: 'error',
  operation: 'GET /x',
  message: `${cause} (${kind}, ${size})`,
  cause,
  seed: 1,
  ...(details && { details }),
  ...(kind !== 'none' && { exchange: { case: { kind, query: 'q'.repeat(size), path: '/x' } } as Exchange }),
});

const arbFinding = fc
  .record({
    cause: fc.constantFrom('a', 'b', 'c'),
    kind: fc.constantFrom<CaseKind | 'none'>('positive', 'negative', 'example', 'none'),
    size: fc.nat(4),
    details: fc.option(fc.array(fc.constantFrom('x', 'y', 'z', 'w'), { maxLength: 3 }), { nil: undefined }),
  })
  .map((r) => finding(r.cause, r.kind, r.size, r.details));

/** Replaces each candidate (by identity) with its stand-in, as shrinking does in the list it is given. */
function replaceIn(list: readonly Finding[], candidates: readonly Finding[], shrunk: readonly Finding[]): Finding[] {
  const by = new Map(candidates.map((c, i) => [c, shrunk[i]!]));
  return list.map((f) => by.get(f) ?? f);
}

describe('FindingFold', () => {
  it('reports what deduplicating every finding reports, whatever replaced the shrinking candidates', () => {
    const arbShrunk = fc.array(
      fc.option(fc.tuple(fc.nat(4), fc.option(fc.array(fc.constantFrom('v', 'x')))), { nil: undefined }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 30 }), arbShrunk, (list, stand) => {
        const fold = new FindingFold();
        for (const f of list) fold.add(f);
        const candidates = fold.candidates();
        const shrunk = candidates.map((c, i) => {
          const s = stand[i];
          return s ? finding(c.cause, c.exchange!.case.kind, s[0], s[1] ?? undefined) : c;
        });
        expect(fold.reported(shrunk)).toEqual(dedupeFindings(replaceIn(list, candidates, shrunk)));
      }),
    );
  });

  it('keeps as candidates the first finding on a generated case of each cause, in the order they came', () => {
    const list = [
      finding('a', 'example', 0),
      finding('a', 'negative', 3),
      finding('b', 'positive', 1),
      finding('a', 'positive', 0),
    ];
    expect(new FindingFold().candidates()).toEqual([]);
    const fold = new FindingFold();
    for (const f of list) fold.add(f);
    expect(fold.candidates()).toEqual([list[1], list[2]]);
  });

  it('remembers a bounded number of distinct details, however many findings bring new ones', () => {
    const fold = new FindingFold();
    for (let i = 0; i < 3 * DETAIL_BOUND; i++) fold.add(finding('a', 'example', 0, [`d${i}`]));
    const [only] = fold.reported();
    expect(only!.occurrences).toBe(3 * DETAIL_BOUND);
    expect(only!.detailCount).toBe(DETAIL_BOUND);
    expect(only!.details).toEqual(
      ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9'].concat(
        Array.from({ length: 10 }, (_, i) => `d${i + 10}`),
      ),
    );
  });
});
