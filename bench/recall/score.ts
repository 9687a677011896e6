/**
 * Scoring of the drift benchmark, pure: which planted drifts a run's findings prove, which findings prove none
 * (unexplained noise in drift mode, false positives in clean mode), which a trap caused, and the averages over
 * seeds. Findings are read from findings.json as any specgate build writes it; nothing here imports specgate.
 */
import type { BenchTarget, DriftClass, PlantedDrift, Trap } from '../targets/types.ts';

/** The fields of a findings.json entry the benchmark reads. */
export interface Finding {
  operation: string;
  check?: string;
  checkId?: string;
  severity: string;
  cause: string;
  message?: string;
  occurrences?: number;
  response?: { status?: number };
}

/** One specgate run as the benchmark recorded it. */
export interface RunRecord {
  target: string;
  mode: 'drift' | 'clean';
  budget: number;
  seed: number;
  wallMs: number;
  /** `requests` of summary.json (null when the run wrote none). */
  requests: number | null;
  /** `durationMs` of summary.json: the run as specgate timed it, without process start-up (null when absent). */
  runMs: number | null;
  exitCode: number;
  /** Why the run produced no usable report (harness failure, timeout). */
  error?: string;
  findings: Finding[];
}

/** What one run proved. */
export interface RunScore {
  found: Set<string>;
  /** Error/warn findings that prove no drift (drift mode), or every error finding (clean mode: false positives). */
  unexplained: Finding[];
  /** Findings on answers a trap provoked (its status), by trap name. */
  trapHits: Map<string, Finding[]>;
}

const checkOf = (f: Finding) => f.checkId ?? f.check ?? '';
const counts = (f: Finding) => f.severity === 'error' || f.severity === 'warn';

/** Whether finding `f` proves drift `d`: its operation, one of its checks, its cause, at error or warn level. */
export function proves(d: PlantedDrift, f: Finding): boolean {
  if (!counts(f)) return false;
  if (f.operation !== d.operation && !(d.seenOn ?? []).includes(f.operation)) return false;
  if (!d.detectedBy.includes(checkOf(f))) return false;
  return d.cause === undefined || d.cause.test(`${f.cause}\n${f.message ?? ''}`);
}

/** Whether `f` is a finding on an answer trap `t` provoked. */
export const trapped = (t: Trap, f: Finding): boolean => f.response?.status === t.status;

/** Scores one run of `target`. In clean mode nothing is planted, so every error-level finding is a false positive. */
export function scoreRun(target: Pick<BenchTarget, 'drifts' | 'traps'>, run: RunRecord): RunScore {
  const found = new Set<string>();
  const unexplained: Finding[] = [];
  for (const f of run.findings) {
    if (run.mode === 'clean') {
      if (f.severity === 'error') unexplained.push(f);
      continue;
    }
    const proved = target.drifts.filter((d) => proves(d, f));
    for (const d of proved) found.add(d.name);
    if (proved.length === 0 && counts(f)) unexplained.push(f);
  }
  const trapHits = new Map(target.traps.map((t) => [t.name, run.findings.filter((f) => trapped(t, f))]));
  return { found, unexplained, trapHits };
}

/** Mean of `values` (0 for none). */
export const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/** Per drift, at one budget: in how many of the seeds' runs it was found. */
export function foundBySeeds(drifts: readonly PlantedDrift[], scores: readonly RunScore[]): Map<string, number> {
  return new Map(drifts.map((d) => [d.name, scores.filter((s) => s.found.has(d.name)).length]));
}

/** Mean number found over the seeds' runs, per class, of `drifts` (found counts per run). */
export function recallByClass(
  drifts: readonly PlantedDrift[],
  scores: readonly RunScore[],
): Map<DriftClass, { planted: number; found: number }> {
  const out = new Map<DriftClass, { planted: number; found: number }>();
  for (const d of drifts) {
    const entry = out.get(d.class) ?? { planted: 0, found: 0 };
    entry.planted++;
    entry.found += mean(scores.map((s) => (s.found.has(d.name) ? 1 : 0)));
    out.set(d.class, entry);
  }
  return out;
}

/** Findings grouped by operation, check and cause, with how many runs showed each. */
export function grouped(findings: ReadonlyArray<{ finding: Finding; run: string }>): Array<{
  key: string;
  runs: string[];
  example: Finding;
}> {
  const groups = new Map<string, { key: string; runs: string[]; example: Finding }>();
  for (const { finding, run } of findings) {
    const key = `${finding.operation}  ${checkOf(finding)}  ${finding.cause}`;
    const g = groups.get(key) ?? { key, runs: [], example: finding };
    if (!g.runs.includes(run)) g.runs.push(run);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.runs.length - a.runs.length || a.key.localeCompare(b.key));
}
