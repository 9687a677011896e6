/**
 * Escaping of GitHub Actions workflow commands (`::error file=..::message`), per the Actions toolkit; shared by
 * `specgate lint --format github` and the action's annotation script.
 * @see https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */

/** Escapes a workflow-command message (`%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value (also `:` and `,`, the separators there). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
