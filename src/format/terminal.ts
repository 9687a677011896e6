/**
 * Terminal text for every command and formatter: ANSI colour only when allowed (a terminal, without NO_COLOR
 * or CI), and plain aligned tables. Shared by cli/ and the formatters of lint, diff and corpus, so that none of
 * them imports another's folder for it.
 */

/** Colour functions; each is the identity when colour is off. */
export interface Style {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const code = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** A Style that colours when `enabled`. */
export function createStyle(enabled: boolean): Style {
  if (!enabled) return { red: plain, yellow: plain, green: plain, dim: plain, bold: plain, underline: plain };
  return {
    red: code(31, 39),
    yellow: code(33, 39),
    green: code(32, 39),
    dim: code(2, 22),
    bold: code(1, 22),
    underline: code(4, 24),
  };
}

/**
 * Whether output may be coloured (and progress bars drawn): only on a terminal, and never with NO_COLOR
 * (https://no-color.org) or CI set, whose logs keep escape codes as noise. The caller passes what it read
 * from `process`, so this layer touches no process state.
 */
export function colorAllowed(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(isTTY) && !env.NO_COLOR && !env.CI;
}

/** Visible width of text, ignoring ANSI escapes. */
export function visibleWidth(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Renders rows as columns padded to the widest cell; `right` lists the column indexes aligned right. */
export function table(rows: string[][], right: number[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))));
  return (
    rows
      .map((row) =>
        row
          .map((cell, i) => {
            const pad = ' '.repeat((widths[i] ?? 0) - visibleWidth(cell));
            return right.includes(i) ? pad + cell : i === row.length - 1 ? cell : cell + pad;
          })
          .join('  '),
      )
      .join('\n') + '\n'
  );
}

/** "1 error", "2 warnings". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
