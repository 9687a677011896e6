/**
 * `npm run build` (also run by `prepack`): compiles the production closure of src/ to dist/ with tsc
 * (tsconfig.build.json lists the entry points; tsc follows their imports, so tests and test support never reach
 * dist/) and copies the assets tsc does not emit: the pre-generated standalone lint validators (*.cjs).
 * Plain JavaScript, so it runs where only the production dependencies are installed (the GitHub Action):
 * tsc comes from node_modules, else from PATH (`npx --package typescript -- node scripts/build.mjs`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const project = ['-p', `${root}tsconfig.build.json`];

function compile() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    execFileSync('tsc', project, { stdio: 'inherit', shell: process.platform === 'win32' });
    return;
  }
  execFileSync(process.execPath, [tsc, ...project], { stdio: 'inherit' });
}

rmSync(`${root}dist`, { recursive: true, force: true });
compile();
cpSync(`${root}src/lint/structure/generated`, `${root}dist/lint/structure/generated`, { recursive: true });
// bin/specgate.js runs dist/ while this stamp is newer than every file of src/ (written last: a failed build has none).
writeFileSync(`${root}dist/.built`, `${new Date().toISOString()}\n`);
