/**
 * Operation selectors for `--include` / `--exclude`: `tag:Models`, a method (`GET`), a path glob
 * (`/v1/models*`), a method plus path glob (`POST /v1/*`), or an operationId (glob allowed, `id:` prefix optional).
 */
import type { Operation } from '../types.ts';

/** A parsed selector and the text it came from (for messages). */
export interface Selector {
  text: string;
  matches(operation: Operation): boolean;
}

/** `*` matches any run of characters (including `/`), `?` one character; everything else is literal. */
export function globToRegExp(glob: string, flags = ''): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*+/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, flags);
}

const METHOD = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE|QUERY)$/i;

/** Parses one selector. */
export function parseSelector(text: string): Selector {
  const t = text.trim();
  if (/^tag:/i.test(t)) {
    const re = globToRegExp(t.slice(4), 'i');
    return { text: t, matches: (op) => op.tags.some((tag) => re.test(tag)) };
  }
  if (METHOD.test(t)) return { text: t, matches: (op) => op.method === t.toLowerCase() };
  const [first, ...rest] = t.split(/\s+/);
  if (rest.length > 0 && METHOD.test(first!)) {
    const re = globToRegExp(rest.join(' '));
    return { text: t, matches: (op) => op.method === first!.toLowerCase() && re.test(op.path) };
  }
  if (t.startsWith('/')) {
    const re = globToRegExp(t);
    return { text: t, matches: (op) => re.test(op.path) };
  }
  const re = globToRegExp(t.replace(/^id:/i, ''));
  return { text: t, matches: (op) => op.operationId !== undefined && re.test(op.operationId) };
}

/** Splits repeatable, comma-separated flag values into selectors. */
export function parseSelectors(values: string[]): Selector[] {
  return values
    .flatMap((v) => v.split(','))
    .filter((v) => v.trim())
    .map(parseSelector);
}
