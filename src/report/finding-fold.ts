/**
 * Findings folded as they come: one group per (operation, check, cause) holding a count, the details seen (up to
 * a bound) and two representatives, the first finding that shrinking may replace (the first generated case) and
 * the smallest other example. A long run against a target that drifts on every answer keeps a few findings per
 * cause instead of every finding with its request and response, and the report is the one deduplicating every
 * finding would give (`dedupeFindings` is this fold over a list).
 */
import { findingKey } from './baseline.ts';
import { DETAIL_EXAMPLES, exampleSize } from './findings.ts';
import type { Finding, ReportedFinding } from '../types.ts';

/** Distinct details remembered per group on each side of its shrinking candidate: `detailCount` stops there. */
export const DETAIL_BOUND = 1000;

/** A finding and its place in the order findings came in. */
interface Placed {
  finding: Finding;
  seq: number;
}

/** What one (operation, check, cause) showed so far. */
interface Group {
  count: number;
  /** The first finding on a generated (positive or negative) case: the one shrinking may replace. */
  candidate?: Placed;
  /** The first of the smallest examples among the other findings. */
  smallest?: Placed & { size: number };
  /** Details of the other findings, before and after the candidate (their order is the order reported). */
  before: Set<string>;
  after: Set<string>;
  /** An other finding had details (possibly none): the reported finding then carries the union. */
  detailed: boolean;
}

/** Findings shrinking may replace: with an exchange of a generated case (`generate/shrink-findings.ts`). */
const shrinkable = (f: Finding): boolean =>
  f.exchange?.case.kind === 'negative' || f.exchange?.case.kind === 'positive';

export class FindingFold {
  private readonly groups = new Map<string, Group>();
  private readonly candidateGroups: Group[] = [];
  private seq = 0;

  add(f: Finding): void {
    const key = findingKey(f);
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { count: 0, before: new Set(), after: new Set(), detailed: false }));
    g.count++;
    const seq = this.seq++;
    if (!g.candidate && shrinkable(f)) {
      g.candidate = { finding: f, seq };
      this.candidateGroups.push(g);
      return;
    }
    if (f.details) {
      g.detailed = true;
      const into = g.candidate ? g.after : g.before;
      for (const d of f.details) if (into.size < DETAIL_BOUND) into.add(d);
    }
    const size = exampleSize(f);
    if (!g.smallest || size < g.smallest.size) g.smallest = { finding: f, seq, size };
  }

  /** Every group's candidate, in the order they came: what `shrinkFindings` may replace. */
  candidates(): Finding[] {
    return this.candidateGroups.map((g) => g.candidate!.finding);
  }

  /** The deduplicated findings in first-seen order, `shrunk[i]` standing for `candidates()[i]`. */
  reported(shrunk: readonly Finding[] = this.candidates()): ReportedFinding[] {
    const replaced = new Map(this.candidateGroups.map((g, i) => [g, shrunk[i]!]));
    return [...this.groups.values()].map((g) => {
      const c = replaced.get(g);
      const example = pick(c && { finding: c, seq: g.candidate!.seq }, g.smallest);
      const f: ReportedFinding = { ...example, occurrences: g.count };
      if (!g.detailed && !c?.details) return f;
      const all = new Set([...g.before, ...(c?.details ?? []), ...g.after]);
      return { ...f, details: [...all].slice(0, DETAIL_EXAMPLES), detailCount: all.size };
    });
  }
}

/** The smaller example, the earlier one on a tie. */
function pick(candidate: Placed | undefined, smallest: (Placed & { size: number }) | undefined): Finding {
  if (!candidate) return smallest!.finding;
  if (!smallest) return candidate.finding;
  const size = exampleSize(candidate.finding);
  return size < smallest.size || (size === smallest.size && candidate.seq < smallest.seq)
    ? candidate.finding
    : smallest.finding;
}
