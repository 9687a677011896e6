/**
 * The job summary of the Action: report.md as it is when it fits GitHub's limit on a step summary (1 MiB),
 * otherwise its first lines up to the limit, cut at a line end, and a note with a link to the full report.
 * Usage: node dist/ci/job-summary.js <report.md> [--link URL] [--limit BYTES]   (prints the summary)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** GitHub refuses a step summary over 1 MiB; the default keeps room for what other steps may add. */
export const SUMMARY_LIMIT = 1024 * 1024 - 64 * 1024;

/** `markdown` if it fits in `limit` bytes (UTF-8), else whole lines of it and the truncation note. */
export function jobSummary(markdown: string, options: { limit?: number; link?: string } = {}): string {
  const limit = options.limit ?? SUMMARY_LIMIT;
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const where = options.link ? `[the full report](${options.link})` : "the full report in the run's artifacts";
  const note = `\n\n> **Truncated:** this summary shows the first part of report.md (GitHub limits a job summary to 1 MiB); see ${where}.\n`;
  const room = limit - Buffer.byteLength(note);
  if (room <= 0) return note.trimStart();
  // Whole characters only (a cut inside a UTF-8 sequence would corrupt it), then back to the last line end.
  const head = Buffer.from(markdown)
    .subarray(0, room)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  const cut = head.lastIndexOf('\n');
  return (cut > 0 ? head.slice(0, cut) : head) + note;
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { link: { type: 'string' }, limit: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    process.stderr.write('usage: job-summary <report.md> [--link URL] [--limit BYTES]\n');
    return 2;
  }
  const limit = values.limit !== undefined ? Number(values.limit) : undefined;
  process.stdout.write(jobSummary(readFileSync(positionals[0]!, 'utf8'), { limit, link: values.link }));
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
