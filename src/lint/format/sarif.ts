/**
 * SARIF 2.1.0 for GitHub code scanning: every rule in `tool.driver.rules`, each problem a result at its spec
 * file, line and column (`--format sarif`).
 */
import { sarifLog, sarifText } from '../../format/sarif.ts';
import type { Problem } from '../../types.ts';
import { rules } from '../rules/index.ts';

/** Formats problems as a SARIF log. */
export function sarif(problems: readonly Problem[]): string {
  const items = problems.map((p) => ({
    ruleId: p.rule,
    level: p.severity === 'error' ? ('error' as const) : ('warning' as const),
    message: p.message,
    file: p.file,
    line: p.line,
    column: p.column,
    pointer: p.pointer,
  }));
  return sarifText(sarifLog(rules, items));
}
