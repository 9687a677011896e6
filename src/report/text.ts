/** Small text helpers the reporters share: XML and Markdown escaping, excerpts, grouping. */
import { lineIsMeaningful } from '../types.ts';

// XML 1.0 allows only these characters; anything else (NUL, other C0 controls, lone surrogates) is dropped.
const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content and attribute values (both quote kinds). */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Text cut at `max` characters with a note saying how much was left out. */
export function cut(text: string, max = 1024): string {
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}

/** A Markdown code fence longer than any backtick run inside `text`. */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text}\n${f}`;
}

/** Escapes a Markdown table cell (pipes, newlines). */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks inside. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const f = '`'.repeat(longest + 1);
  return longest > 0 ? `${f} ${text} ${f}` : `${f}${text}${f}`;
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
