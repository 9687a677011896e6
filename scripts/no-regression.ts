/**
 * The no-regression law's producer: fixed-seed outputs of `specgate run` (against the reference server, clean and
 * with every drift) and `specgate generate` (own fixtures and two third-party specs), normalized so that only
 * what the harness decides remains (timestamps, durations, ports and the server's random ids are masked).
 *
 *   npm run golden              compare with fixtures/golden/, print the first differences, exit 1 on any
 *   npm run golden -- --update  rewrite fixtures/golden/ (an intended change of behaviour: commit it with the change)
 *
 * Runs use one worker and a reference server on a logical clock, so the order of requests and every rate-limit
 * window is the same from one run to the next. Third-party specs (../shared/specs) are never copied here: their
 * outputs are kept as sha256 digests only, and skipped when the folder is absent.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReferenceServer } from '../src/reference/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
export const GOLDEN_DIR = path.join(ROOT, 'fixtures/golden');
export const SHARED_SPECS = path.resolve(ROOT, '../shared/specs');
const BIN = path.join(ROOT, 'bin/specgate.js');
const REPORTS = ['findings.json', 'junit.xml', 'report.md', 'summary.json', 'report.sarif', 'report.html'];

/** One scenario of the law: a name and what it writes (file name → normalized text). */
export interface Scenario {
  name: string;
  /** Outputs derived from third-party specs are kept as digests, never as text. */
  digestOnly?: boolean;
  needsShared?: boolean;
  produce(): Promise<Record<string, string>>;
}

/** Masks what changes from run to run without the harness deciding it. */
export function normalize(text: string): string {
  return (
    text
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT/g, '<date>')
      .replace(/(127\.0\.0\.1|localhost):\d+/g, '$1:<port>')
      .replace(/[0-9a-f]{12,}/g, '<hex>')
      // The server's own counter of every request so far: it moves with how other operations interleave.
      .replace(/(x-ratelimit-remaining-requests"?:\s*"?)\d+/g, '$1<n>')
      .replace(/("durationMs"|"timeToFirstByteMs"|"atMs"|"retryWaitMs"):\s*[\d.]+/g, '$1: <ms>')
      .replace(/\b(time|timestamp)="[^"]*"/g, '$1="<t>"')
      .replace(/\b\d+(\.\d+)? ?(ms|s)\b(?! *\|)/g, '<dur>')
  );
}

function exec(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function runAgainstReference(drift: string[]): Promise<Record<string, string>> {
  let clock = Date.UTC(2026, 0, 1);
  const server = createReferenceServer({ drift, now: () => clock++ });
  const { url } = await server.listen(0);
  const dir = mkdtempSync(path.join(tmpdir(), 'specgate-golden-'));
  try {
    const args = ['run', '--spec', 'openapi.json', '--base-url', url, '-H', 'Authorization: Bearer sk-aig-test'];
    // Depth 30: a few exploration rounds past the plan (the law covers rounds) without the default 100 per operation,
    // which takes minutes on one worker and runs into the reference's per-minute rate limits.
    const depth = ['--depth', '30'];
    const { code } = await exec([...args, ...depth, '--seed', '7', '--workers', '1', '--report-dir', dir]);
    const out: Record<string, string> = { 'exit-code.txt': `${code}\n` };
    for (const f of REPORTS) out[f] = existsSync(path.join(dir, f)) ? readFileSync(path.join(dir, f), 'utf8') : '';
    return out;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function generate(spec: string): Promise<Record<string, string>> {
  const { code, stdout, stderr } = await exec(['generate', '--spec', spec, '--seed', '1', '--count', '4']);
  return { 'exit-code.txt': `${code}\n`, 'cases.jsonl': stdout, 'stderr.txt': stderr };
}

export const SCENARIOS: Scenario[] = [
  { name: 'run-clean', produce: () => runAgainstReference([]) },
  { name: 'run-drift-all', produce: () => runAgainstReference(['all']) },
  { name: 'generate-openapi', produce: () => generate('openapi.json') },
  { name: 'generate-requests-3.1', produce: () => generate('fixtures/schemas/requests-3.1.yaml') },
  { name: 'generate-openapi-3.0', produce: () => generate('fixtures/schemas/openapi-3.0.json') },
  {
    name: 'generate-twilio-verify',
    needsShared: true,
    digestOnly: true,
    produce: () => generate(path.join(SHARED_SPECS, 'twilio_verify_v2.yaml')),
  },
  {
    name: 'generate-asana',
    needsShared: true,
    digestOnly: true,
    produce: () => generate(path.join(SHARED_SPECS, 'asana_oas.yaml')),
  },
];

/** The normalized files of one scenario, as they are kept in fixtures/golden/<name>/. */
export async function produce(s: Scenario): Promise<Record<string, string>> {
  const raw = await s.produce();
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(raw)) {
    const n = normalize(text).replaceAll(SHARED_SPECS, '<shared>');
    if (s.digestOnly) files[`${name}.sha256`] = `${createHash('sha256').update(n).digest('hex')}\n`;
    else files[name] = n;
  }
  return files;
}

/** What differs between produced files and the golden ones: one line per file, with its first differing line. */
export function differences(name: string, files: Record<string, string>): string[] {
  const dir = path.join(GOLDEN_DIR, name);
  const kept = existsSync(dir) ? readdirSync(dir) : [];
  const out: string[] = [];
  for (const f of new Set([...kept, ...Object.keys(files)])) {
    const want = kept.includes(f) ? readFileSync(path.join(dir, f), 'utf8') : undefined;
    const got = files[f];
    if (want === got) continue;
    if (want === undefined || got === undefined) {
      out.push(`${name}/${f}: ${want === undefined ? 'not in the golden set' : 'no longer produced'}`);
      continue;
    }
    const a = want.split('\n');
    const b = got.split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    const at = i === -1 ? a.length : i;
    out.push(
      `${name}/${f}:${at + 1}\n  golden:   ${(a[at] ?? '<end>').slice(0, 300)}\n  produced: ${(b[at] ?? '<end>').slice(0, 300)}`,
    );
  }
  return out;
}

function write(name: string, files: Record<string, string>): void {
  const dir = path.join(GOLDEN_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
}

async function main(argv: string[]): Promise<number> {
  const update = argv.includes('--update');
  const only = argv.filter((a) => !a.startsWith('--'));
  let failed = 0;
  for (const s of SCENARIOS) {
    if (only.length > 0 && !only.includes(s.name)) continue;
    if (s.needsShared && !existsSync(SHARED_SPECS)) {
      console.log(`${s.name}: skipped (no ../shared/specs)`);
      continue;
    }
    const started = Date.now();
    const files = await produce(s);
    if (update) {
      write(s.name, files);
      console.log(`${s.name}: written (${Date.now() - started} ms)`);
      continue;
    }
    const diffs = differences(s.name, files);
    failed += diffs.length;
    console.log(`${s.name}: ${diffs.length === 0 ? 'identical' : 'DIFFERENT'} (${Date.now() - started} ms)`);
    for (const d of diffs) console.log(`  ${d.replaceAll('\n', '\n  ')}`);
  }
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
