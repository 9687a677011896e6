/**
 * The published package works on its own: `npm pack` (which builds dist/ at prepack), install the tarball into an
 * empty folder, and run the installed `specgate` binary from there, with no TypeScript loader and no source tree.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => path.join(root, 'fixtures', name);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

let dir = '';
let files: string[] = [];

/** Runs the installed binary in the install folder; resolves with its exit code instead of throwing on 1. */
async function specgate(...args: string[]): Promise<Outcome> {
  const bin = path.join(dir, 'node_modules', 'specgate', 'dist', 'cli', 'bin.js');
  const env = { ...process.env, NO_COLOR: '1', CI: 'true' };
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: dir, env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A `--import` module that has every ES module the process resolves printed on stderr as `LOADED <url>`. */
const TRACE = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\\\n"); return r; }'));`,
)}`;

/** The modules of the package and of its dependencies that a command loads, as paths under node_modules/. */
async function loadedBy(...args: string[]): Promise<string[]> {
  const bin = path.join(dir, 'node_modules', 'specgate', 'dist', 'cli', 'bin.js');
  const child = await run(process.execPath, ['--import', TRACE, bin, ...args], { cwd: dir }).catch((e) => e);
  const urls = [...String(child.stderr).matchAll(/^LOADED (file:\S+)$/gm)].map((m) => fileURLToPath(m[1]!));
  return urls.map((file) => path.relative(path.join(dir, 'node_modules'), file).split(path.sep).join('/'));
}

/** Installs the tarball from the npm cache (what `npm ci` filled); falls back to the registry when it misses. */
async function install(tarball: string): Promise<void> {
  writeFileSync(path.join(dir, 'package.json'), '{"name":"pack-check","private":true}\n');
  const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball];
  try {
    await run(npm, [...args, '--offline'], { cwd: dir, timeout: 180_000 });
  } catch {
    await run(npm, [...args, '--prefer-offline'], { cwd: dir, timeout: 180_000 });
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'specgate-pack-'));
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', dir], { cwd: root, timeout: 240_000 });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
    filename: string;
    files: { path: string }[];
  }>;
  files = packed!.files.map((f) => f.path);
  await install(path.join(dir, packed!.filename));
}, 420_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', { timeout: 180_000 }, () => {
  it('ships the compiled code, the spec, the suites and the config schema, and no test or TypeScript source', () => {
    expect(files).toContain('dist/cli/bin.js');
    expect(files).toContain('dist/generate/generation-worker.js');
    expect(files).toContain('dist/lint/structure/generated/oas-3.1.cjs');
    expect(files).toEqual(expect.arrayContaining(['openapi.json', 'specgate.config.schema.json']));
    expect(files.some((f) => f.startsWith('suites/profiles/'))).toBe(true);
    expect(files.filter((f) => /\.test\.|test-kit|test-support|\.ts$/.test(f))).toEqual([]);
    expect(
      files.filter(
        (f) => !/^(dist\/|suites\/|openapi\.json|specgate\.config\.schema\.json|README\.md|package\.json)/.test(f),
      ),
    ).toEqual([]);
  });

  it('installs without tsx: nothing in the installed tree needs a TypeScript loader', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'node_modules', 'specgate', 'package.json'), 'utf8'));
    expect(manifest.dependencies).not.toHaveProperty('tsx');
    expect(existsSync(path.join(dir, 'node_modules', 'tsx'))).toBe(false);
  });

  it('prints the command list with --help', async () => {
    const out = await specgate('--help');
    expect(out.code).toBe(0);
    for (const name of ['lint', 'run', 'diff', 'certify']) expect(out.stdout).toContain(`  ${name} `);
  });

  it('--help loads the command table and the terminal style, nothing else; lint and diff load no HTTP client, generator or engine', async () => {
    expect((await loadedBy('--help')).sort()).toEqual([
      'specgate/dist/cli/bin.js',
      'specgate/dist/cli/main.js',
      'specgate/dist/errors.js',
      'specgate/dist/format/terminal.js',
    ]);
    const base = fixture('diff/operation-removed/base.yaml');
    for (const args of [
      ['lint', fixture('package/planted-problem.yaml')],
      ['diff', base, base],
    ]) {
      const loaded = await loadedBy(...args);
      expect(loaded).toContain(`specgate/dist/cli/commands/${args[0]}.js`);
      expect(loaded.filter((f) => /^(undici|fast-check|specgate\/dist\/(engine|pipeline|send\/))/.test(f))).toEqual([]);
    }
    expect(await loadedBy('run', '--help')).toContain('specgate/dist/engine.js');
  });

  it('lint names the planted problem at its line and exits 1', async () => {
    const out = await specgate('lint', fixture('package/planted-problem.yaml'));
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/planted-problem\.yaml:8:5 +error .*"petId".*path-param-undeclared/);
  });

  it('diff names the planted breaking change and exits 1', async () => {
    const base = fixture('diff/operation-removed/base.yaml');
    const out = await specgate('diff', base, fixture('diff/operation-removed/head.yaml'), '--format', 'json');
    expect(out.code).toBe(1);
    const changes = JSON.parse(out.stdout) as Array<{ rule: string; kind: string; operation: string }>;
    expect(changes).toContainEqual(
      expect.objectContaining({ rule: 'operation-removed', kind: 'breaking', operation: 'DELETE /v1/pets/{petId}' }),
    );
  });

  it('runs against the embedded reference server (its bundled openapi.json) and writes the reports', async () => {
    const out = await specgate('run', '--max-requests', '50', '--seed', '1', '--report-dir', 'reports');
    expect([0, 1]).toContain(out.code);
    const summary = JSON.parse(readFileSync(path.join(dir, 'reports', 'summary.json'), 'utf8'));
    expect(summary.requests).toBeGreaterThan(0);
    expect(summary.requests).toBeLessThanOrEqual(50);
    for (const file of ['findings.json', 'junit.xml', 'report.md'])
      expect(existsSync(path.join(dir, 'reports', file))).toBe(true);
  });
});
