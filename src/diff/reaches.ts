/**
 * Whether anything below a schema pair differs, over a pair graph that may have cycles (recursive `$ref`s).
 * Lets the per-operation walk skip, in one step, a pair whose whole closure the rules found nothing in,
 * instead of re-walking it once per operation that reaches it.
 */

/** A node of the pair graph: whether it found something itself, and (once known) whether its closure does. */
export interface GraphNode {
  found: readonly unknown[];
  reaches?: boolean;
}

interface Frame<N> {
  node: N;
  kids: N[];
  next: number;
}

/**
 * True when `root` or any node reachable from it has `found` entries. Memoised on the nodes (`reaches`), so
 * over a whole diff each node is settled once. Strongly connected components (Tarjan, iterative so deep
 * graphs cannot overflow the stack) share one answer: the members of a cycle reach the same nodes.
 */
export function reachesFinding<N extends GraphNode>(root: N, kidsOf: (node: N) => N[]): boolean {
  if (root.reaches !== undefined) return root.reaches;
  const index = new Map<N, number>();
  const low = new Map<N, number>();
  const any = new Map<N, boolean>();
  const stack: N[] = [];
  const frames: Array<Frame<N>> = [];
  const open = (node: N) => {
    index.set(node, index.size);
    low.set(node, index.size - 1);
    any.set(node, node.found.length > 0);
    stack.push(node);
    frames.push({ node, kids: kidsOf(node), next: 0 });
  };
  open(root);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next < frame.kids.length) {
      const kid = frame.kids[frame.next++]!;
      if (kid.reaches !== undefined) {
        if (kid.reaches) any.set(frame.node, true);
      } else if (!index.has(kid)) open(kid);
      else low.set(frame.node, Math.min(low.get(frame.node)!, index.get(kid)!)); // on the stack: same component
      continue;
    }
    frames.pop();
    if (low.get(frame.node) === index.get(frame.node)) settle(frame.node, stack, any);
    const parent = frames[frames.length - 1];
    if (parent) {
      low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (frame.node.reaches ?? any.get(frame.node)) any.set(parent.node, true);
    }
  }
  return root.reaches!;
}

/** Pops the component rooted at `head` and gives every member the component's answer. */
function settle<N extends GraphNode>(head: N, stack: N[], any: Map<N, boolean>): void {
  const members: N[] = [];
  let member: N;
  do {
    member = stack.pop()!;
    members.push(member);
  } while (member !== head);
  const reaches = members.some((m) => any.get(m));
  for (const m of members) m.reaches = reaches;
}
