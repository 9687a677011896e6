/**
 * Lints a folder of real-world descriptions: every JSON/YAML file at its top level, plus, for each
 * sub-folder, its root description (the shallowest file whose top level has an `openapi` key). One failure
 * never stops the rest: each document ends as counts or as the harness error it failed with.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HarnessError } from '../errors.ts';
import { loadSpec } from '../load/index.ts';
import { lintSpec } from './index.ts';

/** The outcome for one document. */
export interface CorpusEntry {
  file: string;
  operations?: number;
  errors?: number;
  warnings?: number;
  ms: number;
  /** Set when the document could not be loaded or linted. */
  failure?: { code: string; message: string; crash: boolean };
}

const DESCRIPTION = /\.(json|ya?ml)$/i;

function looksLikeRoot(file: string): boolean {
  try {
    const head = readFileSync(file, 'utf8').slice(0, 4096);
    return /^\s*["']?openapi["']?\s*:/m.test(head) || /^\s*\{[\s\S]*?"openapi"\s*:/.test(head);
  } catch {
    return false;
  }
}

/** The shallowest root description inside `dir` (breadth-first, names sorted). */
function findRoot(dir: string): string | undefined {
  let level = [dir];
  while (level.length > 0) {
    const next: string[] = [];
    for (const folder of level) {
      const names = readdirSync(folder).sort();
      const found = names
        .map((n) => join(folder, n))
        .find((p) => DESCRIPTION.test(p) && statSync(p).isFile() && looksLikeRoot(p));
      if (found) return found;
      next.push(...names.map((n) => join(folder, n)).filter((p) => statSync(p).isDirectory()));
    }
    level = next;
  }
  return undefined;
}

/** The documents of a corpus folder, in name order. */
export function corpusDocuments(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isFile() && DESCRIPTION.test(name)) out.push(path);
    else if (stat.isDirectory()) {
      const root = findRoot(path);
      if (root) out.push(root);
    }
  }
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError('SPEC_UNREADABLE', `${what} did not load within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Loads and lints one document, never throwing. */
export async function lintDocument(file: string, base: string, timeoutMs = 60_000): Promise<CorpusEntry> {
  const name = relative(base, file);
  const started = performance.now();
  try {
    const spec = await withTimeout(loadSpec(file), timeoutMs, name);
    const problems = lintSpec(spec);
    const errors = problems.filter((p) => p.severity === 'error').length;
    return {
      file: name,
      operations: spec.operations.length,
      errors,
      warnings: problems.length - errors,
      ms: performance.now() - started,
    };
  } catch (error) {
    const crash = !(error instanceof HarnessError);
    const code = error instanceof HarnessError ? error.code : 'CRASH';
    return {
      file: name,
      ms: performance.now() - started,
      failure: { code, message: (error as Error)?.message ?? String(error), crash },
    };
  }
}
