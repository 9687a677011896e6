/** `--format markdown`: a PR comment or job summary: counts first, then one table per kind. */
import { cell as markdownCell } from '../../format/markdown.ts';
import type { DiffResult } from '../diff.ts';
import type { Change, ChangeKind } from '../types.ts';

/** Diff messages quote schema text (`<T>`, `\\d`), so cells show backslashes and angle brackets literally. */
const cell = (text: string) => markdownCell(text, { literal: true });

const TITLES: Record<ChangeKind, string> = {
  breaking: 'Breaking changes',
  'non-breaking': 'Non-breaking changes',
  info: 'Info',
};

function site(s: Change['base']): string {
  return `\`${s.file}:${s.line}\``;
}

/** Markdown text for the whole result. */
export function formatMarkdown(result: DiffResult): string {
  const { counts, changes, majors } = result;
  const verdict = counts.breaking > 0 ? ':x: **breaking changes found**' : ':white_check_mark: no breaking changes';
  const lines = [
    '## specgate diff',
    '',
    `\`${result.base}\` → \`${result.head}\`: ${verdict}`,
    '',
    '| Breaking | Non-breaking | Info |',
    '|---:|---:|---:|',
    `| ${counts.breaking} | ${counts['non-breaking']} | ${counts.info} |`,
  ];
  if (majors.added.length > 0)
    lines.push('', `New major version(s) in this revision: ${majors.added.map((m) => `v${m}`).join(', ')}.`);
  for (const kind of ['breaking', 'non-breaking', 'info'] as const) {
    const rows = changes.filter((c) => c.kind === kind);
    if (rows.length === 0) continue;
    const table = ['| Operation | Rule | Change | Base | Head |', '|---|---|---|---|---|'];
    for (const c of rows)
      table.push(`| ${cell(c.operation)} | \`${c.rule}\` | ${cell(c.message)} | ${site(c.base)} | ${site(c.head)} |`);
    const body =
      kind === 'breaking'
        ? table
        : [
            '<details>',
            `<summary>${rows.length} ${TITLES[kind].toLowerCase()}</summary>`,
            '',
            ...table,
            '',
            '</details>',
          ];
    lines.push('', `### ${TITLES[kind]} (${rows.length})`, '', ...body);
  }
  if (changes.length === 0) lines.push('', 'No differences that affect clients.');
  return lines.join('\n') + '\n';
}
