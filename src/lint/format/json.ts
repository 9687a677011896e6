/** Machine-readable output: a JSON array of `{rule, severity, message, pointer, file, line, column}`. */
import type { Problem } from '../../types.ts';

/** Formats problems as a JSON array (stable key order). */
export function json(problems: readonly Problem[]): string {
  const rows = problems.map(({ rule, severity, message, pointer, file, line, column }) => ({
    rule,
    severity,
    message,
    pointer,
    file,
    line,
    column,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
