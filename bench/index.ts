/**
 * `npm run bench [-- name ...]`: runs each benchmark in its own process, one after another, so their numbers do
 * not disturb each other. Speed and memory targets live here, never in timed tests.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Every benchmark, in the order they run. */
const BENCHES = ['lint', 'generate', 'generate-reach', 'run', 'diff', 'report', 'reports', 'recall', 'memory'];
/** Run only when named: the drift benchmark takes minutes (a specgate run per target, budget, seed and mode). */
const ON_REQUEST = new Set(['recall', 'memory']);

// `npm run bench -- recall --budget 30`: names first, then options, which go to each named benchmark.
const argv = process.argv.slice(2);
const firstOption = argv.findIndex((a) => a.startsWith('-'));
const wanted = firstOption === -1 ? argv : argv.slice(0, firstOption);
const options = firstOption === -1 ? [] : argv.slice(firstOption);
const unknown = wanted.filter((w) => !BENCHES.includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; expected one of: ${BENCHES.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : BENCHES.filter((b) => !ON_REQUEST.has(b))) {
  console.log(`\n## bench/${name}.ts`);
  const script = resolve(import.meta.dirname, `${name}.ts`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...options], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
