/**
 * Start-up stays cheap: what a command loads before it runs is the closure of its static runtime imports (what
 * type erasure keeps; `import('...')` calls load later, only when reached). `--help` loads no command, and `lint`
 * and `diff` load neither the run engine nor its heavy packages. Read from the sources with the structure check's
 * parser, so the law holds for the compiled package too (tsc keeps every runtime import as it is).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolve } from './arch/graph.ts';
import { parseFile } from './arch/parse.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcFiles = new Set(
  readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).map(
    (f) => `src/${f.split(path.sep).join('/')}`,
  ),
);

/** Every src file and package loaded when `entry` is imported, following static runtime imports only. */
function loadedBy(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const ref of parseFile(file, readFileSync(path.join(root, file), 'utf8')).imports) {
      if (!ref.runtime || ref.kind === 'dynamic') continue;
      const target = resolve(file, ref.specifier, srcFiles);
      if (target) pending.push(target);
      else if (!ref.specifier.startsWith('.') && !ref.specifier.startsWith('node:'))
        packages.add(packageOf(ref.specifier));
    }
  }
  return { files, packages };
}

const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const HEAVY = [
  'undici',
  'fast-check',
  'cli-progress',
  'eventsource-parser',
  'fast-xml-parser',
  '@modelcontextprotocol/sdk',
];

describe('start-up loading', () => {
  it('the binary and --help load only the command table, the error type and the terminal style', () => {
    const { files, packages } = loadedBy('src/cli/bin.ts');
    expect([...files].sort()).toEqual(['src/cli/bin.ts', 'src/cli/main.ts', 'src/errors.ts', 'src/format/terminal.ts']);
    expect([...packages]).toEqual([]);
  });

  it.each(['lint', 'diff'])('%s loads no run engine, HTTP client, generator or agent server', (command) => {
    const { files, packages } = loadedBy(`src/cli/commands/${command}.ts`);
    for (const heavy of HEAVY) expect(packages).not.toContain(heavy);
    for (const file of ['src/pipeline.ts', 'src/engine.ts', 'src/stages.ts']) expect(files).not.toContain(file);
    expect([...files].filter((f) => f.startsWith('src/send/') || f.startsWith('src/generate/'))).toEqual([]);
  });

  it('run does load the engine (the law above is not vacuous)', () => {
    const { files, packages } = loadedBy('src/cli/commands/run.ts');
    expect(files).toContain('src/pipeline.ts');
    expect(packages).toContain('undici');
  });
});
