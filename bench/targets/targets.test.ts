/**
 * Laws of the drift benchmark's data: every declared drift names an operation its target's spec has and only
 * check ids specgate has (as `specgate run --checks` lists them, plus the ids suites report), and together the
 * targets cover every drift class with at least 30 planted drifts.
 */
import { SUITE_FINDINGS } from '../../src/check/suite-findings.ts';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TARGETS } from './index.ts';
import { DRIFT_CLASSES } from './types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The check ids `specgate run` lists when given an unknown one (the CLI is the source of truth). */
function runCheckIds(): string[] {
  const args = [
    'bin/specgate.js',
    'run',
    '--spec',
    'openapi.json',
    '--base-url',
    'http://127.0.0.1:9',
    '--checks',
    '?',
  ];
  let stderr = '';
  try {
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
  } catch (e) {
    stderr = String((e as { stderr?: Buffer }).stderr ?? '');
  }
  const listed = /valid checks: ([^\[\n]+)/.exec(stderr)?.[1] ?? '';
  return listed
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'all');
}

/** Check ids only workflows report: `x-specgate-check` of the suites and the suite findings of the registry. */
function suiteCheckIds(): string[] {
  const suites = path.join(ROOT, 'suites');
  const fromSuites = readdirSync(suites)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) =>
      [...readFileSync(path.join(suites, f), 'utf8').matchAll(/x-specgate-check:\s*(\w+)/g)].map((m) => m[1]!),
    );
  // The ids the workflow runner emits are data in the check registry (src/check/suite-findings.ts).
  const fromRunner = SUITE_FINDINGS.map((f) => f.id);
  return [...fromSuites, ...fromRunner];
}

/** "METHOD /path" of every operation of a spec, and "METHOD name" of every webhook. */
function operationsOf(specPath: string): Set<string> {
  const doc = parse(readFileSync(specPath, 'utf8'));
  const out = new Set<string>();
  for (const items of [doc.paths, doc.webhooks ?? {}])
    for (const [where, item] of Object.entries<Record<string, unknown>>(items))
      for (const m of ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'])
        if (item[m]) out.add(`${m.toUpperCase()} ${where}`);
  return out;
}

describe('drift benchmark data', () => {
  it('names only check ids specgate has', () => {
    const known = new Set([...runCheckIds(), ...suiteCheckIds()]);
    expect(known.has('not_a_server_error'), 'the --checks listing was read').toBe(true);
    const unknown = TARGETS.flatMap((t) => t.drifts.flatMap((d) => d.detectedBy.filter((c) => !known.has(c))));
    expect(unknown).toEqual([]);
  }, 60_000);

  for (const target of TARGETS) {
    it(`${target.name}: every drift and trap names an operation of its spec`, () => {
      const ops = operationsOf(target.spec);
      const named = [
        ...target.drifts.flatMap((d) => [d.operation, ...(d.seenOn ?? [])]),
        ...target.traps.map((t) => t.operation),
      ];
      expect(named.filter((o) => !ops.has(o))).toEqual([]);
      expect(new Set(target.drifts.map((d) => d.name)).size).toBe(target.drifts.length);
      for (const d of target.drifts) expect(d.detectedBy.length, d.name).toBeGreaterThan(0);
    });
  }

  it('together the targets plant at least 30 drifts and cover every class', () => {
    const drifts = TARGETS.flatMap((t) => t.drifts);
    expect(drifts.length).toBeGreaterThanOrEqual(30);
    const covered = new Set([...drifts.map((d) => d.class), ...TARGETS.flatMap((t) => t.traps.map((x) => x.class))]);
    expect(Object.keys(DRIFT_CLASSES).filter((c) => !covered.has(c as keyof typeof DRIFT_CLASSES))).toEqual([]);
  });
});
