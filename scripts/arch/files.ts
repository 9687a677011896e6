/**
 * Finds the code of a project and the entry points its configuration names. Everything under `src/` is judged;
 * code elsewhere (bin/, scripts/, bench/, ...) is read only for its imports of `src/`, which decide what is test
 * support (see `roles` in graph.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFile } from './parse.ts';
import type { ParsedFile } from './types.ts';

const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);

/** A test file by name: `x.test.ts`, `x.spec.ts` (any code extension). */
export const isTestFile = (file: string): boolean => /\.(test|spec)\.[cm]?[jt]sx?$/.test(file);

/** The folder node of a file of src/: its top-level folder (`run/`), or the file itself when it sits in src/. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[1]}/` : (parts[1] ?? file);
}

function walk(root: string, dir: string, into: string[]): void {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) walk(root, rel, into);
    } else if (entry.isFile() && CODE.test(entry.name) && !entry.name.endsWith('.d.ts')) into.push(rel);
  }
}

/** Every code file of the project, parsed, sorted by path. */
export function scan(root: string): ParsedFile[] {
  const files: string[] = [];
  walk(root, '', files);
  return files.sort().map((file) => parseFile(file, readFileSync(path.join(root, file), 'utf8')));
}

/** Configuration that starts files by path: scripts in package.json, the action, the CI workflows. */
function configTexts(root: string): string[] {
  const candidates = ['package.json', 'action.yml', 'action.yaml'];
  const workflows = path.join(root, '.github/workflows');
  if (existsSync(workflows) && statSync(workflows).isDirectory()) {
    for (const name of readdirSync(workflows)) candidates.push(`.github/workflows/${name}`);
  }
  return candidates
    .map((file) => path.join(root, file))
    .filter((file) => existsSync(file) && statSync(file).isFile())
    .map((file) => readFileSync(file, 'utf8'));
}

/** Files of src/ named by path in configuration (`node --import tsx src/ci/annotate.ts`): entry points. */
export function configEntries(root: string): Set<string> {
  const entries = new Set<string>();
  for (const text of configTexts(root)) {
    for (const match of text.matchAll(/(?:\.\/)?(src\/[\w./-]+\.[cm]?[jt]sx?)\b/g)) entries.add(match[1] as string);
  }
  return entries;
}
