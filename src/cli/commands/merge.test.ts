/**
 * `specgate merge` end to end: three shards of one seeded run against the embedded reference server, merged,
 * report the same findings (operation + check + cause), cases and coverage as the unsharded run; bad input
 * exits 2 and a baseline turns known findings into exit 0.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../stages.ts';
import { run } from '../../pipeline.ts';
import type { RunResult } from '../../types.ts';
import type { CommandIO } from '../command.ts';
import { main } from '../main.ts';

const SEED = 20261125;
// Drifts that break one operation each, whatever ran before it: the comparison is fair across shards.
const DRIFT = ['wrong-type', 'server-error', 'missing-header'];
const tmp = mkdtempSync(path.join(tmpdir(), 'specgate-merge-'));
const dir = (name: string) => path.join(tmp, name);
const key = (f: { operation: string; check?: string; checkId?: string; cause: string }) =>
  `${f.operation} | ${f.check ?? f.checkId} | ${f.cause}`;
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    interactive: false,
    env: {},
    cwd: tmp,
  };
  return { code: await main(['merge', ...args], io), stdout, stderr };
}

let whole: RunResult;
const shards: RunResult[] = [];

beforeAll(async () => {
  const deps = STAGES;
  // Depth 0: the plan is shard-independent; later rounds learn from other operations' answers (the live pool),
  // which a shard does not see, so only the first round can be compared case for case.
  whole = await run({ seed: SEED, drift: DRIFT, reportDir: dir('whole'), depth: 0 }, deps);
  for (const index of [1, 2, 3])
    shards.push(
      await run(
        { seed: SEED, drift: DRIFT, shard: { index, count: 3 }, reportDir: dir(`shard-${index}`), depth: 0 },
        deps,
      ),
    );
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('specgate merge', () => {
  it('merges three shards into the findings, cases and coverage of the unsharded run', async () => {
    expect(whole.findings.length).toBeGreaterThanOrEqual(DRIFT.length);
    const { code, stdout } = await cli(['shard-1', 'shard-2', 'shard-3', '--report-dir', 'merged']);
    expect(code).toBe(whole.exitCode);
    expect(stdout).toMatch(/merged 3 shard/);
    const merged = readJson<Array<{ operation: string; check: string; cause: string; occurrences: number }>>(
      dir('merged/findings.json'),
    );
    expect(merged.map(key).sort()).toEqual(whole.findings.map(key).sort());
    const occurrences = (
      list: Array<{ operation: string; cause: string; occurrences: number; check?: string; checkId?: string }>,
    ) => Object.fromEntries(list.map((f) => [key(f), f.occurrences]));
    expect(occurrences(merged)).toEqual(occurrences(whole.findings));
    const summary = readJson<{ seed: number; casesByKind: object; operations: { total: number; reached: number } }>(
      dir('merged/summary.json'),
    );
    expect(summary.seed).toBe(SEED);
    expect(summary.casesByKind).toEqual(whole.casesByKind);
    expect(summary.operations).toEqual({ total: whole.operationsTotal, reached: whole.operationsReached });
    const suites = (xml: string) => [...xml.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1]).sort();
    expect(suites(readFileSync(dir('merged/junit.xml'), 'utf8'))).toEqual(
      suites(readFileSync(dir('whole/junit.xml'), 'utf8')),
    );
  });

  it('exits 0 when every error-level finding is in the baseline, and lists baseline-only findings as fixed', async () => {
    const baseline = readJson<Array<Record<string, unknown>>>(dir('whole/findings.json'));
    writeFileSync(
      dir('baseline.json'),
      JSON.stringify([
        ...baseline,
        { operation: 'GET /v1/gone', check: 'not_a_server_error', cause: 'status 500', severity: 'error' },
      ]),
    );
    const { code } = await cli([
      'shard-1',
      'shard-2',
      'shard-3',
      '--report-dir',
      'known',
      '--baseline',
      'baseline.json',
    ]);
    expect(code).toBe(0);
    const summary = readJson<{ findings: { new: number; known: number; fixed: number } }>(dir('known/summary.json'));
    expect(summary.findings).toMatchObject({ new: 0, known: whole.findings.length, fixed: 1 });
  });

  // Chains are sharded as units (by their create operation), so stateful findings survive sharding.
  it('finds stateful drift (use-after-free) sharded as well as unsharded', async () => {
    const deps = STAGES;
    const options = { seed: SEED, drift: ['use-after-free'], include: ['/v1/sub-accounts*'] };
    const unsharded = await run({ ...options, writeReports: false }, deps);
    for (const index of [1, 2, 3])
      await run({ ...options, shard: { index, count: 3 }, reportDir: dir(`uaf-${index}`) }, deps);
    await cli(['uaf-1', 'uaf-2', 'uaf-3', '--report-dir', 'uaf']);
    expect(unsharded.findings.map(key)).toContain(
      'GET /v1/sub-accounts/{id} | use_after_free | deleted resource still readable',
    );
    expect(
      readJson<Array<{ operation: string; check: string; cause: string }>>(dir('uaf/findings.json')).map(key).sort(),
    ).toEqual(unsharded.findings.map(key).sort());
  }, 30_000);

  it.each([
    ['a missing directory', () => ['shard-1', 'no-such-dir']],
    [
      'unreadable findings.json',
      () => (writeFileSync(dir('shard-2/findings.json'), '{not json'), ['shard-1', 'shard-2']),
    ],
    [
      'shards of different seeds',
      () => {
        const summary = readJson<Record<string, unknown>>(dir('shard-3/summary.json'));
        writeFileSync(dir('shard-3/summary.json'), JSON.stringify({ ...summary, seed: SEED + 1 }));
        return ['shard-1', 'shard-3'];
      },
    ],
    ['no directory at all', () => []],
  ])('exits 2 on %s', async (_name, args) => {
    const { code, stderr } = await cli([...args(), '--report-dir', 'bad']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^specgate: /);
  });
});
