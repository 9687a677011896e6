/**
 * Matches a request to an operation by method and path template. Templates are the contract's own
 * path strings, so a route and its operation are looked up with the same key.
 */
import type { Handler } from './types.ts';

/** One implemented operation. */
export interface Route {
  method: string;
  /** The path template exactly as openapi.json writes it. */
  path: string;
  operationId: string;
  handler: Handler;
  /** Costs money: refused with 402 once the caller's spend cap is reached. */
  billable?: boolean;
  /** The last parameter swallows the rest of the path (model ids contain a raw `/`). */
  greedy?: boolean;
}

export type Match =
  | { kind: 'ok'; route: Route; params: Record<string, string> }
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed'; allow: string[] };

/** Segments of `template` matched against decoded `segments`; null when they do not fit. */
function bind(route: Route, segments: string[]): Record<string, string> | null {
  const parts = route.path.split('/');
  if (route.greedy ? segments.length < parts.length : segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const seg = route.greedy && last ? segments.slice(i).join('/') : segments[i]!;
    if (part.startsWith('{') && part.endsWith('}')) {
      if (seg === '' || (route.greedy && last && segments.slice(i).includes(''))) return null;
      params[part.slice(1, -1)] = seg;
    } else if (part !== seg) return null;
  }
  return params;
}

/** Finds the route for `method` + `pathname`, or says why there is none (404 vs 405). */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): Match {
  let segments: string[];
  try {
    // Split before decoding so an encoded `%2F` stays inside its segment.
    segments = pathname.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return { kind: 'not_found' };
  }
  const allow: string[] = [];
  for (const route of routes) {
    const params = bind(route, segments);
    if (!params) continue;
    if (route.method === method) return { kind: 'ok', route, params };
    allow.push(route.method);
  }
  return allow.length ? { kind: 'method_not_allowed', allow } : { kind: 'not_found' };
}
