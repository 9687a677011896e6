/** The structure check: scans a project and measures it against the limits. Pure apart from reading the files. */
import { configEntries, folderOf, scan } from './files.ts';
import { buildEdges, components, roles } from './graph.ts';
import { hops } from './hops.ts';
import type { ArchReport, Edge, FileCycle, FolderCycle, FolderRow, Limits, ParsedFile, Role } from './types.ts';

const byPath = (a: { file: string; line: number }, b: { file: string; line: number }) =>
  a.file.localeCompare(b.file) || a.line - b.line;

function adjacency(edges: Edge[]): (node: string) => string[] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  return (node) => [...(next.get(node) ?? [])].sort();
}

/** Components of two or more folders in the graph of runtime imports between folders, with the edges that make them. */
function folderCycles(runtime: Edge[]): FolderCycle[] {
  const across = runtime.filter((e) => folderOf(e.from) !== folderOf(e.to));
  const folderEdges = across.map((e) => ({ ...e, from: folderOf(e.from), to: folderOf(e.to) }));
  const folders = [...new Set(folderEdges.flatMap((e) => [e.from, e.to]))].sort();
  return components(folders, adjacency(folderEdges))
    .filter((c) => c.length > 1)
    .map((c) => ({
      folders: c,
      edges: across.filter((e) => c.includes(folderOf(e.from)) && c.includes(folderOf(e.to))).sort(byEdge),
    }));
}

const byEdge = (a: Edge, b: Edge) => a.from.localeCompare(b.from) || a.line - b.line || a.to.localeCompare(b.to);

/** Runtime cycles between files of one folder (informational). */
function fileCycles(runtime: Edge[], files: string[]): FileCycle[] {
  const inside = runtime.filter((e) => folderOf(e.from) === folderOf(e.to));
  return components(files, adjacency(inside))
    .filter((c) => c.length > 1)
    .map((files) => ({ folder: folderOf(files[0] as string), files }));
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
};

function row(folder: string, production: ParsedFile[], tests: ParsedFile[]): FolderRow {
  const lines = production.map((f) => f.lines);
  return {
    folder,
    files: production.length,
    lines: lines.reduce((sum, n) => sum + n, 0),
    median: median(lines),
    largest: Math.max(0, ...lines),
    testFiles: tests.length,
    testLines: tests.reduce((sum, f) => sum + f.lines, 0),
  };
}

/** Files and lines per folder node: production, then tests with their support files. */
function summary(production: ParsedFile[], tests: ParsedFile[]): ArchReport['summary'] {
  const folders = [...new Set([...production, ...tests].map((f) => folderOf(f.path)))].sort();
  const inFolder = (files: ParsedFile[], folder: string) => files.filter((f) => folderOf(f.path) === folder);
  return {
    folders: folders.map((folder) => row(folder, inFolder(production, folder), inFolder(tests, folder))),
    total: row('total', production, tests),
  };
}

/** Functions and files of production code over their limits, longest first. */
function oversized(production: ParsedFile[], limits: Limits) {
  const longFunctions = production
    .flatMap((f) => f.functions.filter((fn) => fn.lines > limits.functionLines).map((fn) => ({ file: f.path, ...fn })))
    .sort((a, b) => b.lines - a.lines || byPath(a, b));
  const longFiles = production
    .filter((f) => f.lines > limits.fileLines)
    .map((f) => ({ file: f.path, lines: f.lines }))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
  return { longFunctions, longFiles };
}

export function analyze(root: string, limits: Limits): ArchReport {
  const parsed = scan(root);
  const edges = buildEdges(parsed);
  const role = roles(parsed, edges, configEntries(root));
  const withRole = (...wanted: Role[]) => parsed.filter((f) => wanted.includes(role.get(f.path) as Role));
  const production = withRole('production');
  const isProduction = new Set(production.map((f) => f.path));
  const runtime = edges.filter(
    (e) => e.runtime && e.from !== e.to && isProduction.has(e.from) && isProduction.has(e.to),
  );
  const cycles = folderCycles(runtime);
  const computed = production.flatMap((f) => f.computed).sort(byPath);
  const { longFunctions, longFiles } = oversized(production, limits);
  return {
    root,
    limits,
    counts: {
      computedImports: computed.length,
      folderCycles: cycles.length,
      longFunctions: longFunctions.length,
      longFiles: longFiles.length,
    },
    computedImports: computed,
    workerEntries: production.flatMap((f) => f.workers).sort(byPath),
    folderCycles: cycles,
    fileCycles: fileCycles(runtime, [...isProduction].sort()),
    longFunctions,
    longFiles,
    hops: hops(runtime, isProduction),
    roles: {
      production: production.length,
      test: withRole('test').length,
      testSupport: withRole('test-support').map((f) => f.path),
      generated: withRole('generated').map((f) => f.path),
    },
    summary: summary(production, withRole('test', 'test-support')),
  };
}
