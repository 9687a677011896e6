/** `--format human`: one line per change for a terminal, grouped by kind, with a summary line last. */
import { createStyle, type Style } from '../../format/terminal.ts';
import type { DiffResult } from '../diff.ts';
import type { ChangeKind } from '../types.ts';

const COLORS: Record<ChangeKind, keyof Style> = { breaking: 'red', 'non-breaking': 'yellow', info: 'dim' };

/** Terminal text; `color` adds ANSI colours (only on a TTY without NO_COLOR/CI). */
export function formatHuman(result: DiffResult, color: boolean): string {
  const style = createStyle(color);
  const paint = (kind: ChangeKind, text: string) => style[COLORS[kind]](text);
  const lines: string[] = [];
  for (const c of result.changes) {
    lines.push(`${paint(c.kind, c.kind.toUpperCase().padEnd(12))} ${c.operation}  ${c.message}  [${c.rule}]`);
    lines.push(`${' '.repeat(13)}base ${c.base.file}:${c.base.line}  head ${c.head.file}:${c.head.line}`);
  }
  const { breaking, info } = result.counts;
  if (result.majors.added.length > 0)
    lines.push(`New major version(s): ${result.majors.added.map((m) => `v${m}`).join(', ')}`);
  lines.push(
    `${result.base} → ${result.head}: ${breaking} breaking, ${result.counts['non-breaking']} non-breaking, ${info} info`,
  );
  return lines.join('\n') + '\n';
}
