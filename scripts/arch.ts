/**
 * The structure check of src/ (`npm run arch`): computed imports, runtime cycles between folders, production
 * functions and files over their limits. Exit 0 when all four counts are zero, 1 otherwise, 2 on bad usage.
 *
 *   npm run arch                                  the report as text
 *   npm run arch -- --json                        the same as JSON
 *   npm run arch -- --max-function-lines 40 --max-file-lines 200 --root <dir>
 *
 * Rules (details beside the code in scripts/arch/):
 * - Production: files under src/ that are not tests (`*.test.ts`), not generated (first line says "do not edit" or
 *   `@generated`) and not test support. Test support: a file used (imported, even type-only, or started as a
 *   worker) only by tests and other test support, and not started by path from package.json, action.yml or
 *   .github/workflows. A file nothing imports is an entry point, hence production.
 * - Runtime import: a static import one of whose names is used as a value (what type erasure keeps), a side-effect
 *   import, `export ... from` not marked `type`, `import('literal')` and `require('literal')`.
 * - Folder nodes: the top-level folders of src/, and each file directly in src/ on its own (one "root" node would
 *   merge src/types.ts, which everything imports, with src/pipeline.ts, which imports everything: a false cycle).
 * - Function length: first to last line of declarations, methods, accessors, arrow functions and function
 *   expressions; a nested function counts on its own and inside its outer function.
 * - Hops: the shortest chain of runtime imports from src/pipeline.ts (else src/run/run.ts) to a report writer
 *   (a file src/report/index.ts imports), in imports followed and distinct folder nodes on it (see arch/hops.ts).
 */
import { main } from './arch/cli.ts';

// A reader that stops early (`| head`) is no failure: stop quietly with the check's own exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode);
});

process.exitCode = main(
  process.argv.slice(2),
  (text) => process.stdout.write(text),
  (text) => process.stderr.write(text),
);
