/**
 * The JSONPath subset Arazzo `type: jsonpath` criteria use in practice: `$.a.b`, `$['a']`, `$.a[0]`, `$.a[*]`
 * and one filter per segment, `[?(@.x == 'y')]` / `[?@.n > 1]` / `[?(@.x)]`. A criterion passes when the
 * query selects at least one node. Anything else is refused when the suite loads, never silently ignored.
 * @see https://www.rfc-editor.org/rfc/rfc9535
 */

type Filter = { path: string[]; op?: '==' | '!=' | '<' | '<=' | '>' | '>='; value?: unknown };
type Segment = { name: string } | { index: number } | { wildcard: true } | { filter: Filter };

/** A parsed query. */
export interface JsonPathQuery {
  segments: Segment[];
}

const LITERAL = /^(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(true|false|null))$/;

function parseFilter(text: string): Filter {
  const m = /^@((?:\.[A-Za-z_][\w-]*)*)\s*(?:(==|!=|<=|>=|<|>)\s*(.+))?$/.exec(text.trim());
  if (!m) throw new Error(`unsupported JSONPath filter "${text}" (supported: @.a.b, @.a op literal)`);
  const path = m[1]!.split('.').filter(Boolean);
  if (!m[2]) return { path };
  const lit = LITERAL.exec(m[3]!.trim());
  if (!lit)
    throw new Error(`unsupported JSONPath filter value "${m[3]}" (a quoted string, number, true, false or null)`);
  const value = lit[1] ?? lit[2] ?? (lit[3] !== undefined ? Number(lit[3]) : JSON.parse(lit[4]!));
  return { path, op: m[2] as '==', value };
}

/** Parses a query of the supported subset; throws an Error naming what is not supported. */
export function parseJsonPath(text: string): JsonPathQuery {
  if (!text.startsWith('$')) throw new Error(`JSONPath "${text}" must start with $`);
  const segments: Segment[] = [];
  let rest = text.slice(1);
  while (rest.length > 0) {
    let m: RegExpExecArray | null;
    if ((m = /^\.([A-Za-z_][\w-]*)/.exec(rest))) segments.push({ name: m[1]! });
    else if ((m = /^\.\*|^\[\*\]/.exec(rest))) segments.push({ wildcard: true });
    else if ((m = /^\[(\d+)\]/.exec(rest))) segments.push({ index: Number(m[1]) });
    else if ((m = /^\['([^']*)'\]|^\["([^"]*)"\]/.exec(rest))) segments.push({ name: m[1] ?? m[2]! });
    else if ((m = /^\[\?\((.*?)\)\]|^\[\?([^\]]*)\]/.exec(rest))) segments.push({ filter: parseFilter(m[1] ?? m[2]!) });
    else
      throw new Error(
        `unsupported JSONPath syntax at "${rest}" (supported: .name, ['name'], [n], [*], [?(@.x op literal)])`,
      );
    rest = rest.slice(m[0].length);
  }
  return { segments };
}

function children(node: unknown): unknown[] {
  if (Array.isArray(node)) return node;
  if (node !== null && typeof node === 'object') return Object.values(node);
  return [];
}

function at(node: unknown, path: string[]): unknown {
  let n = node;
  for (const p of path)
    n = n !== null && typeof n === 'object' && !Array.isArray(n) ? (n as Record<string, unknown>)[p] : undefined;
  return n;
}

function matches(node: unknown, f: Filter): boolean {
  const v = at(node, f.path);
  if (!f.op) return v !== undefined;
  if (f.op === '==') return v === f.value;
  if (f.op === '!=') return v !== f.value;
  if (typeof v !== 'number' || typeof f.value !== 'number') return false;
  return f.op === '<' ? v < f.value : f.op === '<=' ? v <= f.value : f.op === '>' ? v > f.value : v >= f.value;
}

/** The nodes `query` selects in `value`. */
export function selectJsonPath(query: JsonPathQuery, value: unknown): unknown[] {
  let nodes: unknown[] = [value];
  for (const s of query.segments) {
    nodes = nodes.flatMap((n): unknown[] => {
      if ('wildcard' in s) return children(n);
      if ('filter' in s) return children(n).filter((c) => matches(c, s.filter));
      if ('index' in s) return Array.isArray(n) && s.index < n.length ? [n[s.index]] : [];
      return n !== null && typeof n === 'object' && !Array.isArray(n) && Object.hasOwn(n, s.name)
        ? [(n as Record<string, unknown>)[s.name]]
        : [];
    });
  }
  return nodes;
}
