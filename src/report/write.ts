/**
 * Writes every reporter's file atomically (tmp + rename), so an interrupted run leaves whole files behind; one
 * file at a time, and a reporter with `chunks` piece by piece, so a long run never holds all its reports' texts.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { Reporter, RunResult } from '../types.ts';

/** Renders and writes all reports; a reporter that throws is noted in the returned list, not fatal. */
export async function writeReports(dir: string, reporters: Reporter[], result: RunResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const problems: string[] = [];
  for (const r of reporters) {
    const file = path.join(dir, r.filename);
    const tmp = `${file}.${randomUUID().slice(0, 8)}.tmp`;
    const failed = r.chunks
      ? await writeChunks(tmp, r.chunks(result))
      : await writeText(file, tmp, () => r.run(result));
    if (failed) problems.push(`reporter ${r.id} failed: ${failed.message}`);
    else if (failed === undefined) await rename(tmp, file);
  }
  return problems;
}

/** Writes the text to `tmp`; the reporter's error if it threw, null when it had nothing to say (no file then). */
async function writeText(file: string, tmp: string, render: () => string): Promise<Error | null | undefined> {
  let text: string;
  try {
    text = render();
  } catch (error) {
    return error as Error;
  }
  // A reporter with nothing to say (details.md when report.md held everything) leaves no file, not a stale one.
  if (text === '') {
    await rm(file, { force: true });
    return null;
  }
  await writeFile(tmp, text);
  return undefined;
}

/** Characters of pieces gathered before they are written. */
const BATCH_CHARS = 1 << 20;

/** Writes the pieces in order, waiting whenever the file lags behind; the reporter's error if it threw. */
async function writeChunks(tmp: string, chunks: Iterable<string>): Promise<Error | undefined> {
  const out = createWriteStream(tmp);
  const broken = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  broken.catch(() => undefined);
  let thrown: Error | undefined;
  const pieces = chunks[Symbol.iterator]();
  // Pieces are small (one finding): they go to the file a batch at a time.
  let batch: string[] = [];
  let size = 0;
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = pieces.next();
    } catch (error) {
      thrown = error as Error;
      break;
    }
    if (next.done) break;
    batch.push(next.value);
    size += next.value.length;
    if (size < BATCH_CHARS) continue;
    if (!out.write(batch.join(''))) await Promise.race([once(out, 'drain'), broken]);
    (batch = []), (size = 0);
  }
  out.end(batch.join(''));
  await Promise.race([once(out, 'finish'), broken]);
  if (thrown) await rm(tmp, { force: true });
  return thrown;
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
