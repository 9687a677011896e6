/**
 * Law: the reference gateway shares no code with the harness. Its production files import only each other,
 * Node's built-ins and npm packages, so a bug in a checking stage can never hide the same bug in the target.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? productionFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'test-support.ts'
        ? [join(dir, e.name)]
        : [],
  );
}

describe('src/reference', () => {
  const files = productionFiles(here);

  it('has production files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(here, f), f]))('%s imports nothing from outside src/reference', (_, file) => {
    const outside = [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((m) => m[1] ?? m[2]!)
      .filter((spec) => spec.startsWith('.') && relative(here, resolve(join(file, '..'), spec)).startsWith('..'));
    expect(outside).toEqual([]);
  });
});
