/**
 * `npm run build` (also run by `prepack`): compiles the production closure of src/ to dist/ with tsc
 * (tsconfig.build.json lists the entry points; tsc follows their imports, so tests and test support never reach
 * dist/) and copies the assets tsc does not emit: the pre-generated standalone lint validators (*.cjs).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
cpSync(`${root}src/lint/structure/generated`, `${root}dist/lint/structure/generated`, { recursive: true });
