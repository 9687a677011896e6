/** Writes every reporter's file atomically (tmp + rename), so an interrupted run leaves whole files behind. */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../report/run-result.ts';
import type { Reporter } from './deps.ts';

/** Renders and writes all reports; a reporter that throws is noted in the returned list, not fatal. */
export async function writeReports(dir: string, reporters: Reporter[], result: RunResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const problems: string[] = [];
  await Promise.all(
    reporters.map(async (r) => {
      let text: string;
      try {
        text = r.run(result);
      } catch (error) {
        problems.push(`reporter ${r.id} failed: ${(error as Error).message}`);
        return;
      }
      const file = path.join(dir, r.filename);
      const tmp = `${file}.${randomUUID().slice(0, 8)}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, file);
    }),
  );
  return problems;
}

/**
 * Streams reports to disk while a run goes: `flush()` re-renders every file at most once a second (re-rendering
 * after every operation is quadratic on big specs), `flush(true)` always; writes never overlap.
 */
export function createReportWriter(dir: string, reporters: Reporter[], render: () => RunResult, problems: string[], enabled = true) {
  let writing: Promise<unknown> = Promise.resolve();
  let lastWrite = 0;
  return {
    flush(force = false): Promise<unknown> {
      if (!enabled || (!force && performance.now() - lastWrite < 1000)) return writing;
      lastWrite = performance.now();
      writing = writing.then(async () => problems.push(...(await writeReports(dir, reporters, render()))));
      return writing;
    },
  };
}
