/**
 * Laws of `reachesFinding`: a node reaches a finding exactly when a finding is reachable from it by graph
 * search, cycles included, whatever node is asked first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reachesFinding, type GraphNode } from './reaches.ts';

interface Node extends GraphNode {
  kids: Node[];
}

function build(size: number, edges: ReadonlyArray<readonly [number, number]>, finders: readonly number[]): Node[] {
  const nodes: Node[] = Array.from({ length: size }, (_, i) => ({ found: finders.includes(i) ? ['x'] : [], kids: [] }));
  for (const [from, to] of edges) nodes[from % size]!.kids.push(nodes[to % size]!);
  return nodes;
}

/** Reference answer: plain search from the node. */
function searched(node: Node): boolean {
  const seen = new Set<Node>();
  const todo = [node];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.found.length > 0) return true;
    todo.push(...n.kids);
  }
  return false;
}

describe('reachesFinding', () => {
  it.each([
    ['a lone finder', 1, [], [0], [true]],
    ['a lone clean node', 1, [], [], [false]],
    ['a self-loop without findings', 1, [[0, 0]], [], [false]],
    [
      'a cycle whose far member finds',
      3,
      [
        [0, 1],
        [1, 2],
        [2, 0],
      ],
      [2],
      [true, true, true],
    ],
    [
      'a chain into a finder',
      3,
      [
        [0, 1],
        [1, 2],
      ],
      [2],
      [true, true, true],
    ],
    [
      'a finder upstream only',
      3,
      [
        [0, 1],
        [1, 2],
      ],
      [0],
      [true, false, false],
    ],
  ] as const)('%s', (_name, size, edges, finders, want) => {
    const nodes = build(size, edges, finders);
    expect(nodes.map((n) => reachesFinding(n, (x) => x.kids))).toEqual(want);
  });

  it('agrees with plain search on random graphs, asked in any order', () => {
    const graph = fc.record({
      size: fc.integer({ min: 1, max: 12 }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
      finders: fc.array(fc.nat({ max: 11 }), { maxLength: 3 }),
      order: fc.array(fc.nat(), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(graph, ({ size, edges, finders, order }) => {
        const nodes = build(size, edges, finders);
        const want = nodes.map(searched);
        for (const i of order) expect(reachesFinding(nodes[i % size]!, (x) => x.kids)).toBe(want[i % size]);
        expect(nodes.map((n) => reachesFinding(n, (x) => x.kids))).toEqual(want);
      }),
    );
  });
});
