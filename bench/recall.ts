/**
 * The drift benchmark: recall and false positives of `specgate run` at equal wall time, on targets with planted
 * drifts (bench/targets: the reference AIgateway, and a library API in another style). For each target, each
 * budget and each seed it starts the target with every drift on (one server, like a hidden target), runs specgate
 * through its CLI with `--max-duration BUDGET --seed SEED`, and maps findings to drifts; then the same with the
 * target clean, where every error-level finding is a false positive. specgate is never imported: any build can be
 * measured with `--specgate PATH` (a checkout with bin/specgate.js), e.g. before and after a change.
 *
 *   npm run bench -- recall [--budget 30,60] [--seeds 1,2] [--targets reference,library] [--modes drift,clean]
 *                           [--specgate PATH] [--args "--workers 8"] [--json out.json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { classTable, driftTable, findingsList, runsTable, type Scored, totalsTable } from './recall/print.ts';
import { scoreRun } from './recall/score.ts';
import { runOnce } from './recall/specgate.ts';
import { TARGETS } from './targets/index.ts';

const { values } = parseArgs({
  options: {
    budget: { type: 'string', default: '30,60' },
    seeds: { type: 'string', default: '1,2' },
    targets: { type: 'string', default: TARGETS.map((t) => t.name).join(',') },
    modes: { type: 'string', default: 'drift,clean' },
    specgate: { type: 'string', default: path.resolve(import.meta.dirname, '..') },
    args: { type: 'string', default: '' },
    json: { type: 'string' },
  },
});

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const budgets = list(values.budget).map(Number);
const seeds = list(values.seeds).map(Number);
const modes = list(values.modes) as Array<'drift' | 'clean'>;
const specgate = path.resolve(values.specgate);
const targets = list(values.targets).map((n) => TARGETS.find((t) => t.name === n) ?? fail(`unknown target ${n}`));
if (budgets.some((b) => !(b > 0)) || seeds.some((s) => !Number.isInteger(s))) fail('--budget and --seeds take numbers');
if (modes.some((m) => m !== 'drift' && m !== 'clean')) fail('--modes takes drift and/or clean');
if (!existsSync(path.join(specgate, 'bin/specgate.js'))) fail(`no bin/specgate.js in ${specgate}`);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function revision(dir: string): string {
  try {
    return execFileSync('git', ['-C', dir, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim().slice(0, 100);
  } catch {
    return 'not a git checkout';
  }
}

console.log(`specgate: ${specgate} (${revision(specgate)})`);
console.log(
  `budgets ${budgets.join(', ')} s; seeds ${seeds.join(', ')}; targets ${targets.map((t) => t.name).join(', ')}`,
);

const scored: Array<Scored & { targetName: string }> = [];
for (const target of targets) {
  for (const mode of modes) {
    for (const budget of budgets) {
      for (const seed of seeds) {
        const run = await runOnce({
          specgate,
          target,
          mode,
          budget,
          seed,
          extra: list(values.args.replace(/\s+/g, ',')),
        });
        const score = scoreRun(target, run);
        scored.push({ run, score, targetName: target.name });
        const what =
          mode === 'drift' ? `${score.found.size}/${target.drifts.length} found` : `${score.unexplained.length} FP`;
        console.log(
          `  ${target.name} ${mode} ${budget} s seed ${seed}: ${what}, ${(run.wallMs / 1000).toFixed(1)} s${run.error ? ` (${run.error})` : ''}`,
        );
      }
    }
  }
}

const of = (target: string, mode: 'drift' | 'clean', budget: number) =>
  scored.filter((s) => s.targetName === target && s.run.mode === mode && s.run.budget === budget);
const label = (s: Scored) => `${s.run.mode} ${s.run.budget}s seed ${s.run.seed}`;

for (const target of targets) {
  console.log(`\n### ${target.name}: ${target.drifts.length} drifts, ${target.traps.length} traps (${target.spec})\n`);
  console.log(
    runsTable(
      scored.filter((s) => s.targetName === target.name),
      target.drifts.length,
    ),
  );
  if (modes.includes('drift')) {
    console.log(`\nfound in how many seeds' runs, per budget:\n`);
    console.log(driftTable(target, new Map(budgets.map((b) => [b, of(target.name, 'drift', b)]))));
    const never = target.drifts.filter(
      (d) => !scored.some((s) => s.targetName === target.name && s.score.found.has(d.name)),
    );
    console.log(`\nmissed by every run: ${never.map((d) => d.name).join(', ') || '(none)'}`);
    console.log('\nunexplained findings in drift mode (prove no planted drift):');
    const drifted = scored.filter((s) => s.targetName === target.name && s.run.mode === 'drift');
    console.log(
      findingsList(drifted.flatMap((s) => s.score.unexplained.map((finding) => ({ finding, run: label(s) })))),
    );
  }
  if (modes.includes('clean')) {
    console.log('\nfalse positives in clean mode (error-level findings):');
    const clean = scored.filter((s) => s.targetName === target.name && s.run.mode === 'clean');
    console.log(findingsList(clean.flatMap((s) => s.score.unexplained.map((finding) => ({ finding, run: label(s) })))));
  }
  for (const trap of target.traps) {
    const hits = scored.filter((s) => s.targetName === target.name);
    const per = hits.map((s) => `${label(s)}: ${s.score.trapHits.get(trap.name)?.length ?? 0}`);
    console.log(
      `\ntrap ${trap.name} (${trap.operation}): findings on its ${trap.status} answers per run: ${per.join('; ')}`,
    );
  }
}

if (modes.includes('drift')) {
  console.log('\n### recall per class (all targets; mean over seeds)\n');
  console.log(classTable(targets, (t, b) => of(t, 'drift', b), budgets));
}
console.log('\n### totals (means over seeds)\n');
console.log(totalsTable(targets, of, budgets));

if (values.json) {
  // Findings kept short (no requests, responses or repros): enough to compare two builds run by run.
  const out = scored.map(({ run, score }) => ({
    ...run,
    findings: run.findings.map((f) => ({
      operation: f.operation,
      check: f.checkId ?? f.check,
      severity: f.severity,
      cause: f.cause,
    })),
    found: [...score.found],
    unexplained: score.unexplained.length,
  }));
  writeFileSync(values.json, JSON.stringify({ specgate, revision: revision(specgate), runs: out }, null, 2));
  console.log(`\nruns written to ${values.json}`);
}
