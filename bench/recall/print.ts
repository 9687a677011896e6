/**
 * The benchmark's tables, as plain text: runs, drifts per budget (found in how many seeds), recall per class and
 * per target, false positives of clean mode and unexplained findings of drift mode, grouped. Figures come only from
 * the runs given; nothing expected is written here.
 */
import { DRIFT_CLASSES, type BenchTarget, type DriftClass } from '../targets/types.ts';
import { foundBySeeds, grouped, mean, recallByClass, type RunRecord, type RunScore } from './score.ts';

/** A run with its score. */
export interface Scored {
  run: RunRecord;
  score: RunScore;
}

const pct = (found: number, planted: number) =>
  `${Number.isInteger(found) ? found : found.toFixed(1)}/${planted} (${planted === 0 ? 0 : Math.round((100 * found) / planted)}%)`;

/** Left-aligned columns. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * Every run: mode, budget, seed, wall time (spawn to exit), run time (specgate's own summary.json durationMs),
 * requests, drifts found, unexplained / false-positive findings.
 */
export function runsTable(scored: readonly Scored[], planted: number): string {
  const rows = [['mode', 'budget', 'seed', 'wall s', 'run s', 'requests', 'found', 'unexplained/FP', 'note']];
  for (const { run, score } of scored) {
    rows.push([
      run.mode,
      `${run.budget} s`,
      String(run.seed),
      (run.wallMs / 1000).toFixed(1),
      run.runMs === null ? '-' : (run.runMs / 1000).toFixed(1),
      String(run.requests ?? '-'),
      run.mode === 'drift' ? `${score.found.size}/${planted}` : '-',
      String(score.unexplained.length),
      run.error ?? '',
    ]);
  }
  return table(rows);
}

/** Each drift of `target`: class, operation, per budget in how many seeds' runs it was found, its checks. */
export function driftTable(target: BenchTarget, byBudget: ReadonlyMap<number, Scored[]>): string {
  const budgets = [...byBudget.keys()];
  const found = new Map(
    budgets.map((b) => [
      b,
      foundBySeeds(
        target.drifts,
        byBudget.get(b)!.map((s) => s.score),
      ),
    ]),
  );
  const rows = [['drift', 'class', 'operation', ...budgets.map((b) => `${b} s`), 'detectedBy']];
  for (const d of target.drifts) {
    const cells = budgets.map((b) => `${found.get(b)!.get(d.name)}/${byBudget.get(b)!.length}`);
    rows.push([d.name, d.class, d.operation, ...cells, d.detectedBy.join(',')]);
  }
  return table(rows);
}

/** Recall per class over `targets`' drifts, per budget (mean over seeds). */
export function classTable(
  targets: readonly BenchTarget[],
  scoredByTargetBudget: (target: string, budget: number) => Scored[],
  budgets: readonly number[],
): string {
  const rows = [['class', 'planted', ...budgets.map((b) => `${b} s`), 'what']];
  const totals = new Map<DriftClass, { planted: number; found: number[] }>();
  for (const t of targets) {
    for (const [i, b] of budgets.entries()) {
      const byClass = recallByClass(
        t.drifts,
        scoredByTargetBudget(t.name, b).map((s) => s.score),
      );
      for (const [c, v] of byClass) {
        const e = totals.get(c) ?? { planted: 0, found: budgets.map(() => 0) };
        if (i === 0) e.planted += v.planted;
        e.found[i]! += v.found;
        totals.set(c, e);
      }
    }
  }
  for (const c of Object.keys(DRIFT_CLASSES) as DriftClass[]) {
    const e = totals.get(c);
    const traps = targets.flatMap((t) => t.traps.filter((x) => x.class === c));
    if (!e) {
      if (traps.length > 0) rows.push([c, '-', ...budgets.map(() => 'trap'), DRIFT_CLASSES[c]]);
      continue;
    }
    rows.push([c, String(e.planted), ...e.found.map((f) => pct(f, e.planted)), DRIFT_CLASSES[c]]);
  }
  return table(rows);
}

/** Per target and in total: recall, unexplained drift-mode findings, clean-mode false positives, wall time, requests (means over seeds). */
export function totalsTable(
  targets: readonly BenchTarget[],
  scoredOf: (target: string, mode: 'drift' | 'clean', budget: number) => Scored[],
  budgets: readonly number[],
): string {
  const rows = [['target', 'budget', 'planted', 'recall', 'unexplained (drift)', 'FP (clean)', 'wall s', 'requests']];
  const row = (
    name: string,
    b: number,
    v: { planted: number; found: number; noise: number; fp: number; wall: number; reqs: number },
  ) =>
    rows.push([
      name,
      `${b} s`,
      String(v.planted),
      pct(v.found, v.planted),
      v.noise.toFixed(1),
      v.fp.toFixed(1),
      v.wall.toFixed(1),
      v.reqs.toFixed(0),
    ]);
  for (const b of budgets) {
    const all = { planted: 0, found: 0, noise: 0, fp: 0, wall: 0, reqs: 0 };
    for (const t of targets) {
      const drift = scoredOf(t.name, 'drift', b);
      const v = {
        planted: t.drifts.length,
        found: mean(drift.map((s) => s.score.found.size)),
        noise: mean(drift.map((s) => s.score.unexplained.length)),
        fp: mean(scoredOf(t.name, 'clean', b).map((s) => s.score.unexplained.length)),
        wall: mean(drift.map((s) => s.run.wallMs / 1000)),
        reqs: mean(drift.map((s) => s.run.requests ?? 0)),
      };
      row(t.name, b, v);
      for (const k of Object.keys(all) as Array<keyof typeof all>) all[k] += v[k];
    }
    row('all', b, all);
  }
  return table(rows);
}

/** Findings grouped by (operation, check, cause), each with the runs that showed it and one message line. */
export function findingsList(items: ReadonlyArray<{ finding: RunRecord['findings'][number]; run: string }>): string {
  if (items.length === 0) return '  (none)';
  return grouped(items)
    .map((g) => {
      const line = (g.example.message ?? '').split('\n')[0]!.slice(0, 140);
      return `  ${g.example.severity.padEnd(5)} ${g.key}  [${g.runs.join(', ')}]\n        ${line}`;
    })
    .join('\n');
}
