/**
 * One rule for where requests go, for `run`, `certify` and suites alike: the base URL takes the place of the
 * spec's `servers` URL, path included, and each spec path is appended to it. Two mistakes it catches:
 * - a base URL ending in the prefix every spec path already starts with (`--base-url http://h/v1` for paths
 *   `/v1/...`) would send `/v1/v1/...`: the doubled prefix is dropped, and a note says so;
 * - most operations answering nothing but 404: the base URL is probably wrong, and a note says how (the
 *   spec's own server path, when the base URL lacks it).
 */
import type { Exchange } from '../types.ts';

/** The base URL to send to, and the note explaining a correction, if one was made. */
export interface ResolvedBase {
  url: string;
  note?: string;
}

const segments = (p: string) => p.split('/').filter(Boolean);

/** The leading segments every path shares, not counting each path's last segment (its resource name). */
function sharedPrefix(paths: readonly string[]): string[] {
  // Webhooks are operations too, named rather than pathed: they say nothing about the API's paths.
  const dirs = paths.filter((p) => p.startsWith('/')).map((p) => segments(p).slice(0, -1));
  if (dirs.length === 0) return [];
  const out: string[] = [];
  for (let i = 0; dirs.every((d) => d[i] !== undefined && d[i] === dirs[0]![i] && !d[i]!.includes('{')); i++)
    out.push(dirs[0]![i]!);
  return out;
}

/** `baseUrl` with a prefix the spec's paths already carry removed from its end (see the module doc). */
export function resolveBaseUrl(baseUrl: string, paths: readonly string[]): ResolvedBase {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { url: baseUrl }; // the pre-flight says what is wrong with it
  }
  const base = segments(url.pathname);
  const shared = sharedPrefix(paths);
  for (let k = Math.min(base.length, shared.length); k >= 1; k--) {
    const tail = base.slice(base.length - k).join('/');
    if (tail !== shared.slice(0, k).join('/')) continue;
    const kept = base.slice(0, base.length - k);
    const fixed = `${url.origin}${kept.length ? `/${kept.join('/')}` : ''}`;
    const example = paths.find((p) => p.startsWith(`/${tail}/`)) ?? `/${tail}/...`;
    return {
      url: fixed,
      note: `the base URL ${baseUrl} ends with /${tail}, which every path of the spec already starts with: requests go to ${fixed}${example} (not ${baseUrl.replace(/\/+$/, '')}${example}); pass --base-url ${fixed} to say so`,
    };
  }
  return { url: baseUrl };
}

/** Keeps each warning in `notes` and tells `onWarning` (the CLI prints it on stderr). */
export function warner(notes: string[], onWarning?: (warning: string) => void): (w: string | undefined) => void {
  return (w) => void (w && (notes.push(w), onWarning?.(w)));
}

/** The base URL for a spec by the one rule; `warn` hears the correction, if any. */
export function baseUrlFor(
  url: string,
  spec: { operations: ReadonlyArray<{ path: string }> },
  warn: (w?: string) => void,
): string {
  const base = resolveBaseUrl(
    url,
    spec.operations.map((op) => op.path),
  );
  warn(base.note);
  return base.url;
}

/** The statuses each operation's exchanges got (for notFoundWarning). */
export function statusesByOperation(exchanges: readonly Exchange[]): number[][] {
  const by = new Map<string, number[]>();
  for (const e of exchanges) {
    const list = by.get(e.case.operation) ?? [];
    if (e.response) list.push(e.response.status);
    by.set(e.case.operation, list);
  }
  return [...by.values()];
}

/** The path of the spec's first server URL (variables at their defaults), without a trailing slash. */
export function serverPath(document: unknown): string {
  const servers = (
    document as { servers?: Array<{ url?: unknown; variables?: Record<string, { default?: unknown }> }> }
  )?.servers;
  const first = Array.isArray(servers) ? servers[0] : undefined;
  if (!first || typeof first.url !== 'string') return '';
  const filled = first.url.replace(/\{([^}]+)\}/g, (_, name: string) => String(first.variables?.[name]?.default ?? ''));
  try {
    return new URL(filled, 'http://placeholder.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/**
 * A warning when most reached operations answered nothing but 404 (`statuses`: the statuses each reached
 * operation saw), naming the spec's server path when the base URL lacks it; undefined otherwise.
 */
export function notFoundWarning(
  statuses: ReadonlyArray<readonly number[]>,
  baseUrl: string,
  document: unknown,
): string | undefined {
  const reached = statuses.filter((s) => s.length > 0);
  const only404 = reached.filter((s) => s.every((x) => x === 404)).length;
  if (reached.length < 2 || only404 * 2 <= reached.length) return undefined;
  const server = serverPath(document);
  const base = baseUrl.replace(/\/+$/, '');
  const hint =
    server && !new URL(base).pathname.endsWith(server)
      ? ` (the spec's servers[0] path is ${server}: try --base-url ${base}${server})`
      : ' (the spec paths are appended to --base-url, which takes the place of the spec servers URL)';
  return `the base URL may be wrong: ${only404} of ${reached.length} operations answered only 404${hint}`;
}
