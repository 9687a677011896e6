/** The default terminal format: problems grouped by file, `file:line:col  severity  message  rule`, then a summary. */
import type { Problem } from '../../types.ts';
import { createStyle, plural, table } from '../../format/terminal.ts';

/** Formats problems for people; `color` enables ANSI colour. */
export function human(problems: readonly Problem[], options: { color?: boolean } = {}): string {
  const style = createStyle(options.color ?? false);
  if (problems.length === 0) return style.green('No problems found.') + '\n';
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const parts: string[] = [];
  for (const [file, list] of byFile) {
    parts.push(style.underline(file));
    parts.push(
      table(
        list.map((p) => [
          style.dim(`${file}:${p.line}:${p.column}`),
          p.severity === 'error' ? style.red('error') : style.yellow('warn'),
          p.message,
          style.dim(p.rule),
        ]),
      ),
    );
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const summary = `${plural(problems.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  parts.push((errors > 0 ? style.red : style.yellow)(style.bold(summary)));
  return parts.join('\n') + '\n';
}
