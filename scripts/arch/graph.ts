/** The import graph: resolution of relative specifiers, the role of each file, strongly connected components. */
import path from 'node:path';
import { isTestFile } from './files.ts';
import type { Edge, ParsedFile, Role } from './types.ts';

/** How Node with tsx finds a relative specifier: as written, `.js` meaning `.ts`, or with an extension or index. */
function candidates(target: string): string[] {
  const swapped = target
    .replace(/\.js$/, '.ts')
    .replace(/\.mjs$/, '.mts')
    .replace(/\.cjs$/, '.cts');
  const bare = ['.ts', '.tsx', '.js', '.mjs', '.cjs'].flatMap((ext) => [target + ext, `${target}/index${ext}`]);
  return [target, swapped, ...bare];
}

/** The scanned file a specifier names, or undefined for packages, `node:` modules and files not scanned. */
export function resolve(from: string, specifier: string, files: Set<string>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return candidates(target).find((file) => files.has(file));
}

export function buildEdges(parsed: ParsedFile[]): Edge[] {
  const files = new Set(parsed.map((f) => f.path));
  const edges: Edge[] = [];
  for (const file of parsed) {
    for (const ref of file.imports) {
      const to = resolve(file.path, ref.specifier, files);
      if (to) edges.push({ from: file.path, to, line: ref.line, kind: ref.kind, runtime: ref.runtime });
    }
    for (const worker of file.workers) {
      if (worker.specifier) worker.target = resolve(file.path, worker.specifier, files);
    }
  }
  return edges;
}

const ownRole = (file: ParsedFile): Role =>
  !file.path.startsWith('src/')
    ? 'outside'
    : isTestFile(file.path)
      ? 'test'
      : file.generated
        ? 'generated'
        : 'production';

/** Who uses each file: importers (type-only imports included) and the files that start it as a worker. */
function usersOf(parsed: ParsedFile[], edges: Edge[]): Map<string, Set<string>> {
  const users = new Map<string, Set<string>>();
  const use = (from: string, to: string) => users.set(to, (users.get(to) ?? new Set()).add(from));
  for (const edge of edges) if (edge.from !== edge.to) use(edge.from, edge.to);
  for (const file of parsed) for (const w of file.workers) if (w.target) use(file.path, w.target);
  return users;
}

/**
 * Of the candidates, those used only by tests and each other (the greatest such set), keeping only those a test
 * reaches: a group of files that use each other and nothing else uses is dead code, still judged as production.
 */
function testSupport(candidates: Set<string>, users: Map<string, Set<string>>, role: Map<string, Role>): Set<string> {
  const support = new Set(candidates);
  const usedBy = (file: string) => [...(users.get(file) ?? [])];
  for (let changed = true; changed; ) {
    changed = false;
    for (const file of support) {
      if (!usedBy(file).every((u) => role.get(u) === 'test' || support.has(u))) changed = support.delete(file);
    }
  }
  const reached = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const file of support) {
      if (reached.has(file) || !usedBy(file).some((u) => role.get(u) === 'test' || reached.has(u))) continue;
      reached.add(file);
      grew = true;
    }
  }
  return reached;
}

/**
 * The role of every file. Under src/: `test` by name; `generated` by its first line; `test-support` when tests
 * use it (import it, even type-only, or start it as a worker), directly or through other test support, nothing
 * else does, and configuration does not start it by path; everything else is `production`, including a file
 * nothing uses (an entry point). Outside src/: `outside`, and a use from there is a production use.
 */
export function roles(parsed: ParsedFile[], edges: Edge[], entries: Set<string>): Map<string, Role> {
  const role = new Map(parsed.map((file) => [file.path, ownRole(file)]));
  const users = usersOf(parsed, edges);
  const candidates = parsed
    .map((file) => file.path)
    .filter((file) => role.get(file) === 'production' && users.has(file) && !entries.has(file));
  for (const file of testSupport(new Set(candidates), users, role)) role.set(file, 'test-support');
  return role;
}

/** Strongly connected components (Tarjan), each sorted, in order of their first node. */
export function components(nodes: string[], next: (node: string) => Iterable<string>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const to of next(node)) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = ''; top !== node; ) {
      top = stack.pop() as string;
      onStack.delete(top);
      component.push(top);
    }
    found.push(component.sort());
  };
  for (const node of nodes) if (!index.has(node)) connect(node);
  return found.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** The shortest path from `start` to a node `isGoal` accepts (breadth first, neighbours in sorted order). */
export function shortestPath(start: string, next: (node: string) => string[], isGoal: (node: string) => boolean) {
  const parent = new Map<string, string | null>([[start, null]]);
  for (let queue = [start]; queue.length > 0; ) {
    const following: string[] = [];
    for (const node of queue) {
      if (isGoal(node)) {
        const chain = [node];
        for (let p = parent.get(node); p; p = parent.get(p)) chain.unshift(p);
        return chain;
      }
      for (const to of [...next(node)].sort()) {
        if (parent.has(to)) continue;
        parent.set(to, node);
        following.push(to);
      }
    }
    queue = following;
  }
  return undefined;
}
