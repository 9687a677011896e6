/**
 * The one baseline matcher: a run's findings against a baseline (a previous `findings.json`). Each finding is
 * `new` or `known`, and baseline findings no longer seen are `fixed`. Findings match on their stable id, a
 * hash of operation + check + cause, the same key that deduplicates them (`findingKey`), so `run --baseline`
 * and `merge --baseline` agree. Causes carry the kind of cause, the status/media type and a normalized
 * location, never a generated value, so the id is the same from one run (and seed) to the next.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { HarnessError } from '../errors.ts';
import type { ReportedFinding } from '../types.ts';

/** What a baseline entry must have to be matched: either the report's `check` or the in-memory `checkId`. */
export interface BaselineEntry {
  operation: string;
  cause: string;
  check?: string;
  checkId?: string;
}

/** The dedupe and baseline key of a finding or baseline entry. */
export function findingKey(f: BaselineEntry): string {
  return JSON.stringify([f.operation, f.checkId ?? f.check ?? '', f.cause]);
}

/** The stable id of a finding (16 hex digits of the sha256 of its key), as findings.json lists it. */
export function findingId(f: BaselineEntry): string {
  return createHash('sha256').update(findingKey(f)).digest('hex').slice(0, 16);
}

/** A cause many operations share (the same undocumented 415, the same HTML error page): check + cause. */
export function causeId(f: { checkId?: string; check?: string; cause: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([f.checkId ?? f.check ?? '', f.cause]))
    .digest('hex')
    .slice(0, 12);
}

/** The entries of parsed `findings.json` (an array, or `{findings: [...]}`); undefined when it is neither. */
function entriesOf(json: unknown): unknown[] | undefined {
  const list = Array.isArray(json) ? json : (json as { findings?: unknown } | null)?.findings;
  return Array.isArray(list) ? list : undefined;
}

/** Reads baseline entries from parsed `findings.json`, ignoring malformed ones. */
export function parseBaseline(json: unknown): BaselineEntry[] {
  return (entriesOf(json) ?? []).filter(
    (f): f is BaselineEntry =>
      typeof (f as BaselineEntry)?.operation === 'string' &&
      typeof (f as BaselineEntry)?.cause === 'string' &&
      (typeof (f as BaselineEntry)?.check === 'string' || typeof (f as BaselineEntry)?.checkId === 'string'),
  );
}

/** Reads a `--baseline` file; a file that is not a findings.json is bad usage. */
export async function readBaseline(path: string): Promise<ReportedFinding[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new HarnessError('USAGE', `--baseline ${path}: ${(error as Error).message}`);
  }
  if (!entriesOf(parsed))
    throw new HarnessError(
      'USAGE',
      `--baseline ${path}: expected a findings.json (an array of findings or {"findings": [...]})`,
    );
  // Reports list `fixed` entries by `checkId`: an entry that only has the report's `check` gets it.
  return parseBaseline(parsed).map((f) => ({ ...f, checkId: f.checkId ?? f.check }) as ReportedFinding);
}

/** Marks each finding new or known and returns the baseline entries no finding matched (fixed). */
export function compareWithBaseline<B extends BaselineEntry>(
  findings: ReportedFinding[],
  baseline: B[],
): { findings: ReportedFinding[]; fixed: B[] } {
  const known = new Set(baseline.map(findingId));
  const current = new Set(findings.map(findingId));
  return {
    findings: findings.map((f) => ({ ...f, baseline: known.has(findingId(f)) ? 'known' : 'new' })),
    fixed: baseline.filter((b) => !current.has(findingId(b))),
  };
}
