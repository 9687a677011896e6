/**
 * `npm run bench [-- name ...]`: runs each benchmark in its own process, one after another, so their numbers do
 * not disturb each other. Speed and memory targets live here, never in timed tests.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Every benchmark, in the order they run. */
const BENCHES = ['lint', 'generate', 'generate-reach', 'run', 'diff'];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !BENCHES.includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; expected one of: ${BENCHES.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : BENCHES) {
  console.log(`\n## bench/${name}.ts`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, `${name}.ts`)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
