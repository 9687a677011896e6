#!/usr/bin/env node
// The entry point of a clone. `npm ci` compiles src/ to dist/ (the `prepare` script); while that build is newer
// than every file of src/ the CLI runs from it (about a second less start-up than compiling TypeScript on the
// fly); after an edit, or without a build, it registers tsx and runs the sources. The published package runs
// dist/cli/bin.js directly.
import { readdirSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const built = (() => {
  try {
    const stamp = statSync(new URL('dist/.built', root)).mtimeMs;
    const src = new URL('src/', root);
    return readdirSync(src, { recursive: true }).every((f) => statSync(new URL(String(f), src)).mtimeMs < stamp);
  } catch {
    return false;
  }
})();

if (built) await import('../dist/cli/bin.js');
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/bin.ts');
}
