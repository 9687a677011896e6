/** Small text helpers the reporters share: excerpts, grouping, locations (escaping is in ../format/). */
import { lineIsMeaningful } from '../types.ts';

/** Text cut at `max` characters with a note saying how much was left out. */
export function cut(text: string, max = 1024): string {
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}

/** Groups items by a key, keeping first-seen order of keys and items. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Pretty JSON when `text` is JSON, else the text itself. */
export function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** `file:line:col` of a location (`file#pointer` first on a minified spec), or '' when there is none. */
export function loc(l: { file: string; line: number; column: number; pointer?: string } | undefined): string {
  if (!l) return '';
  if (lineIsMeaningful(l) || l.pointer === undefined) return `${l.file}:${l.line}:${l.column}`;
  return `${l.file}#${l.pointer} (${l.line}:${l.column})`;
}
