/** Writes every reporter's file atomically (tmp + rename), so an interrupted run leaves whole files behind. */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Reporter, RunResult } from '../types.ts';

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
      // A reporter with nothing to say (details.md when report.md held everything) leaves no file, not a stale one.
      if (text === '') return void (await rm(file, { force: true }));
      const tmp = `${file}.${randomUUID().slice(0, 8)}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, file);
    }),
  );
  return problems;
}

/** The shortest time between two renderings of the human reports while a run goes. */
export const RENDER_INTERVAL_MS = 3000;

/**
 * Renders reports to disk while a run goes: `flush()` re-renders every file when the last write is old enough,
 * `flush(true)` always; writes never overlap. "Old enough" is 3 s, or ten times what the last write took, so
 * partial reports never cost more than a tenth of the run however many findings pile up (the findings
 * themselves are appended as they come: `stream.ts`).
 */
export function createReportWriter(
  dir: string,
  reporters: Reporter[],
  render: () => RunResult,
  problems: string[],
  enabled = true,
) {
  let writing: Promise<unknown> = Promise.resolve();
  let nextAt = 0;
  return {
    flush(force = false): Promise<unknown> {
      if (!enabled || (!force && performance.now() < nextAt)) return writing;
      nextAt = Infinity; // no second write queued while this one runs
      writing = writing.then(async () => {
        const t0 = performance.now();
        problems.push(...(await writeReports(dir, reporters, render())));
        const took = performance.now() - t0;
        nextAt = performance.now() + Math.max(RENDER_INTERVAL_MS, 10 * took);
      });
      return writing;
    },
  };
}
