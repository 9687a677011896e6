/**
 * GitHub Actions workflow commands: `::error file=..,line=..,col=..,title=<rule>::message`, which GitHub shows
 * as annotations on the pull request diff.
 * @see https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
import { escapeData as data, escapeProperty as property } from '../../format/workflow-command.ts';
import type { Problem } from '../../types.ts';

/** Formats problems as GitHub annotation commands, one per line. */
export function github(problems: readonly Problem[]): string {
  return problems
    .map(
      (p) =>
        `::${p.severity === 'error' ? 'error' : 'warning'} file=${property(p.file)},line=${p.line},col=${p.column},title=${property(p.rule)}::${data(p.message)}\n`,
    )
    .join('');
}
