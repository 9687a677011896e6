/**
 * Report rendering on synthetic runs of 1k, 10k and 100k findings (300 operations): time and size of each
 * reporter's file, and the cost of appending the same findings to findings.ndjson as they come.
 *   node --import tsx bench/reports.ts [--sizes 1000,10000]
 */
import { REPORTERS } from '../src/report/index.ts';
import { findingEntry } from '../src/report/findings-json.ts';
import { redactFindings, SecretBook } from '../src/credentials/index.ts';
import { syntheticResult } from '../src/report/synthetic.test-kit.ts';

const at = process.argv.indexOf('--sizes');
const sizes = at > 0 ? process.argv[at + 1]!.split(',').map(Number) : [1000, 10_000, 100_000];

const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

for (const n of sizes) {
  const result = syntheticResult(n);
  const rows: string[] = [];
  for (const r of REPORTERS) {
    const t0 = performance.now();
    let text: string;
    try {
      text = r.run(result);
    } catch (error) {
      rows.push(`  ${r.filename.padEnd(14)} failed: ${(error as Error).message}`);
      continue;
    }
    const ms = performance.now() - t0;
    rows.push(
      `  ${r.filename.padEnd(14)} ${ms.toFixed(0).padStart(7)} ms  ${kb(Buffer.byteLength(text)).padStart(10)}`,
    );
  }
  // The stream: each finding redacted and appended once, as its operation finishes.
  const t0 = performance.now();
  let bytes = 0;
  for (const f of result.findings)
    bytes += JSON.stringify(findingEntry(result, redactFindings([f], new SecretBook([]))[0]!)).length + 1;
  rows.push(
    `  ${'findings.ndjson'.padEnd(14)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms  ${kb(bytes).padStart(10)}`,
  );
  const heap = process.memoryUsage().heapUsed;
  console.log(`${n} findings (heap ${kb(heap)}):\n${rows.join('\n')}`);
}
