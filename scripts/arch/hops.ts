/**
 * How far the report writers are from the pipeline: the shortest chain of runtime imports from src/pipeline.ts
 * (else src/run/run.ts) to a writer module, in imports followed and in distinct folder nodes on the way (both ends
 * included). Writer modules: the files of src/report/ that src/report/index.ts imports by an import declaration
 * (its re-exports are helpers other stages reuse); every file of src/report/ when that index imports none.
 */
import { folderOf } from './files.ts';
import { shortestPath } from './graph.ts';
import type { Edge, Hops } from './types.ts';

const STARTS = ['src/pipeline.ts', 'src/run/run.ts'];
const REPORT = 'src/report/';
const INDEX = `${REPORT}index.ts`;

export function writerModules(runtime: Edge[], production: Set<string>): string[] {
  const imported = runtime.filter((e) => e.from === INDEX && e.kind === 'static' && e.to.startsWith(REPORT));
  const writers = imported.length > 0 ? imported.map((e) => e.to) : [...production].filter((f) => f.startsWith(REPORT));
  return [...new Set(writers)].sort();
}

export function hops(runtime: Edge[], production: Set<string>): Hops | null {
  const from = STARTS.find((file) => production.has(file));
  if (!from) return null;
  const next = new Map<string, string[]>();
  for (const e of runtime) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const follow = (node: string) => next.get(node) ?? [];
  const writers = writerModules(runtime, production);
  const chain = shortestPath(from, follow, (file) => writers.includes(file));
  if (chain) {
    const folders = [...new Set(chain.map(folderOf))];
    return { from, writers, to: chain.at(-1) as string, chain, hops: chain.length - 1, folders };
  }
  const nearest = shortestPath(from, follow, (file) => file.startsWith(REPORT)) ?? null;
  return { from, writers, to: null, reason: 'no chain of runtime imports reaches a writer module', nearest };
}
