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
