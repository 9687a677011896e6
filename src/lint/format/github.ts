/**
 * GitHub Actions workflow commands: `::error file=..,line=..,col=..,title=<rule>::message`, which GitHub shows
 * as annotations on the pull request diff.
 * @see https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
import type { Problem } from '../../types.ts';

/** Escapes a property value (`,` and `:` are separators there). */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Escapes the message part. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Formats problems as GitHub annotation commands, one per line. */
export function github(problems: readonly Problem[]): string {
  return problems
    .map(
      (p) =>
        `::${p.severity === 'error' ? 'error' : 'warning'} file=${property(p.file)},line=${p.line},col=${p.column},title=${property(p.rule)}::${data(p.message)}\n`,
    )
    .join('');
}
