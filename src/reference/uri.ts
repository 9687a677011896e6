/**
 * The gateway's own check of the contract's `format: uri` (RFC 3986 `URI`), written component by component so
 * that it shares nothing with the harness's grammar regex (src/validate/uri.ts): the two are judged against each
 * other. ajv-formats' `uri` is not used because it accepts `http://:&` (its regex lets `http:/` start an
 * authority). The http(s) and ws(s) schemes also need a non-empty host (RFC 9110 §4.2, RFC 6455 §3).
 */

/** RFC 3986 Appendix B: scheme, authority, path, query, fragment (undefined when the delimiter is absent). */
const SPLIT = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;
const SCHEME = /^[a-z][a-z0-9+.-]*$/i;
const PCT_OK = /^(?:[^%]|%[0-9a-f]{2})*$/i;
const PATH_CHARS = /^[a-z0-9\-._~!$&'()*+,;=:@/%]*$/i;
const QUERY_CHARS = /^[a-z0-9\-._~!$&'()*+,;=:@/?%]*$/i;
const USERINFO_CHARS = /^[a-z0-9\-._~!$&'()*+,;=:%]*$/i;
const REG_NAME_CHARS = /^[a-z0-9\-._~!$&'()*+,;=%]*$/i;
const NEEDS_HOST = new Set(['http', 'https', 'ws', 'wss']);

const chars = (s: string, allowed: RegExp): boolean => allowed.test(s) && PCT_OK.test(s);

function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** RFC 3986 IPv6address: at most one `::`, 16-bit hex groups, an optional dotted IPv4 tail worth two groups. */
function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  const tail = all.at(-1);
  const v4 = tail !== undefined && tail.includes('.');
  if (v4 && !isIpv4(tail)) return false;
  const hex = v4 ? all.slice(0, -1) : all;
  if (!hex.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = hex.length + (v4 ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

function isHost(host: string): boolean {
  if (!host.startsWith('[')) return chars(host, REG_NAME_CHARS);
  if (!host.endsWith(']')) return false;
  const inner = host.slice(1, -1);
  return /^v[0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+$/i.test(inner) || isIpv6(inner);
}

/** `[userinfo@]host[:port]`; returns the host, or null when the authority is malformed. */
function hostOf(authority: string): string | null {
  const at = authority.lastIndexOf('@');
  if (at >= 0 && !chars(authority.slice(0, at), USERINFO_CHARS)) return null;
  const hostPort = authority.slice(at + 1);
  const port = /:([0-9]*)$/.exec(hostPort);
  const host = port && !hostPort.endsWith(']') ? hostPort.slice(0, port.index) : hostPort;
  return isHost(host) ? host : null;
}

/** Whether `value` is an absolute RFC 3986 URI (a fragment allowed), with a host where the scheme needs one. */
export function isAbsoluteUri(value: string): boolean {
  const [, scheme, authority, path = '', query, fragment] = SPLIT.exec(value) ?? [];
  if (scheme === undefined || !SCHEME.test(scheme)) return false;
  if (!chars(path, PATH_CHARS)) return false;
  if (query !== undefined && !chars(query, QUERY_CHARS)) return false;
  if (fragment !== undefined && !chars(fragment, QUERY_CHARS)) return false;
  if (authority === undefined) return !path.startsWith('//') && !NEEDS_HOST.has(scheme.toLowerCase());
  const host = hostOf(authority);
  if (host === null) return false;
  return !(host === '' && NEEDS_HOST.has(scheme.toLowerCase()));
}
