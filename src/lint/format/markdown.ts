/** Markdown: a summary line and a table per file, suited to PR comments and CI job summaries. */
import { cell } from '../../format/markdown.ts';
import type { Problem } from '../../types.ts';

/** Formats problems as Markdown. */
export function markdown(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const lines = ['## specgate lint', ''];
  if (problems.length === 0) return lines.concat('No problems found.', '').join('\n');
  lines.push(
    `**${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}**`,
    '',
  );
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  for (const [file, list] of byFile) {
    lines.push(`### \`${cell(file)}\``, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
    for (const p of list)
      lines.push(
        `| ${p.line}:${p.column} | ${p.severity === 'error' ? '❌ error' : '⚠️ warn'} | \`${p.rule}\` | ${cell(p.message)} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}
