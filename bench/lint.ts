/**
 * Whole-process lint time of the large corpus documents, best of 3, next to Redocly CLI's on the same documents
 * in the same run. Redocly is installed for the benchmark only, into a temp folder, never into the project.
 *   node --import tsx bench/lint.ts [--runs N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/specs');
const documents = [
  'stripe-spec3.json',
  'github-api.github.com.3.0.json',
  'openai-openapi.yaml',
  'digitalocean/specification/DigitalOcean-public.v2.yaml',
];
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

function redoclyBin(): string | undefined {
  const prefix = join(tmpdir(), 'redocly-bench');
  const bin = join(prefix, 'node_modules', '.bin', 'redocly');
  if (!existsSync(bin)) {
    mkdirSync(prefix, { recursive: true });
    const install = spawnSync('npm', ['install', '--prefix', prefix, '@redocly/cli@2', '--no-audit', '--no-fund'], {
      stdio: 'ignore',
    });
    if (install.status !== 0) return undefined;
  }
  return existsSync(bin) ? bin : undefined;
}

/** Best wall time in ms of `runs` spawns of the command. */
function best(command: string, args: string[]): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    spawnSync(command, args, {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off' },
    });
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

if (!existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}; nothing to measure`);
  process.exit(0);
}
const redocly = redoclyBin();
console.log(`lint, whole process, best of ${runs} (ms)`);
console.log(`${'document'.padEnd(56)}${'specgate'.padStart(10)}${'redocly'.padStart(10)}`);
for (const doc of documents) {
  const path = join(corpus, doc);
  if (!existsSync(path)) continue;
  const ours = best(process.execPath, [join(root, 'bin/specgate.js'), 'lint', path, '--format', 'json']);
  const theirs = redocly ? best(redocly, ['lint', path, '--format', 'json']) : NaN;
  console.log(`${doc.padEnd(56)}${ours.toFixed(0).padStart(10)}${(redocly ? theirs.toFixed(0) : 'n/a').padStart(10)}`);
}
