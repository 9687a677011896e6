/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning. Each change is a result at its line in the head
 * document (removals point at the nearest head parent); a change of a kind that fails the diff (`--fail-on`)
 * is an error, other breaking and non-breaking changes warnings, info a note.
 */
import { sarifLog, sarifText } from '../../format/sarif.ts';
import type { DiffResult } from '../diff.ts';
import { RULES } from '../rules/index.ts';
import type { Change, ChangeKind } from '../types.ts';

function level(c: Change, failing: ReadonlySet<ChangeKind>): 'error' | 'warning' | 'note' {
  if (failing.has(c.kind)) return 'error';
  return c.kind === 'info' ? 'note' : 'warning';
}

/** The changes as a SARIF log; `failing` says which kinds count as failures (from `--fail-on`). */
export function formatSarif(result: DiffResult, failing: ReadonlySet<ChangeKind>): string {
  const rules = RULES.map((r) => ({ id: r.id, description: `${r.kind}: ${r.description}` }));
  const items = result.changes.map((c) => ({
    ruleId: c.rule,
    level: level(c, failing),
    message: `${c.operation}: ${c.message} (${c.kind}; base ${c.base.file}:${c.base.line})`,
    file: c.head.file,
    line: c.head.line,
    operation: c.operation,
    fingerprint: `${c.rule}/${c.operation}/${c.message}`,
  }));
  return sarifText(sarifLog(rules, items));
}
