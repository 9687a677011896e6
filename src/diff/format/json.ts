/** `--format json`: the changes as a JSON array, worst first; a stable, documented shape for tools. */
import type { DiffResult } from '../diff.ts';

/** JSON array of `{rule, kind, operation, message, base: {file, line}, head: {file, line}}`. */
export function formatJson(result: DiffResult): string {
  return JSON.stringify(result.changes, null, 2) + '\n';
}
