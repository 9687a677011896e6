/** Markdown text shared by every Markdown writer (report.md, lint and diff `--format markdown`, the drift issue). */

/** How a table cell shows what Markdown would otherwise read as syntax. */
export interface CellOptions {
  /**
   * What a line break becomes: a table row is one line, so a raw break would end the table. `<br>` keeps the
   * break visible on GitHub; report.md has always used a space.
   */
  breaks?: ' ' | '<br>';
  /** Also show backslashes and angle brackets literally (diff messages quote schema text such as `<T>`). */
  literal?: boolean;
}

/** Escapes text for one Markdown table cell: pipes always, line breaks per `breaks`. */
export function cell(text: string, options: CellOptions = {}): string {
  // Backslashes first, so the escapes added after them stay escapes; brackets before the breaks, so `<br>` stays.
  const literal = options.literal ? text.replace(/\\/g, '\\\\').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
  return literal.replace(/\|/g, '\\|').replace(/\r?\n/g, options.breaks ?? '<br>');
}

/** A Markdown code fence longer than any backtick run inside `text`. */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text}\n${f}`;
}

/** Inline code that survives backticks inside. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const f = '`'.repeat(longest + 1);
  return longest > 0 ? `${f} ${text} ${f}` : `${f}${text}${f}`;
}
