/**
 * Credentials for a run: `-H "Name: value"` headers (curl style) and environment variables mapped onto the
 * spec's `securitySchemes`. Applied to each Case before sending, so auth checks can derive probes without them;
 * every secret value is also listed so the run can scrub it from anything it writes.
 * @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object
 */
import { HTTP_TOKEN } from '../headers.ts';
import { HarnessError } from '../errors.ts';
import type { Case, JsonObject, Operation, Spec } from '../types.ts';

/** Everything the user gave us to authenticate with. */
export interface Credentials {
  /** `-H` headers, in order, names lower-cased. */
  headers: Array<[string, string]>;
  token?: string;
  apiKey?: string;
  username?: string;
  password?: string;
  /** `SPECGATE_AUTH_<SCHEME>` values keyed by the normalised scheme name. */
  perScheme: Record<string, string>;
}

/** Parses one `-H "Name: value"` argument; a missing colon or empty name is bad usage. */
export function parseHeaderArg(arg: string): [string, string] {
  const colon = arg.indexOf(':');
  const name = colon > 0 ? arg.slice(0, colon).trim() : '';
  if (!name || !HTTP_TOKEN.test(name)) {
    throw new HarnessError('USAGE', `-H expects "Name: value", got "${arg.split(':')[0]}..."`);
  }
  return [name.toLowerCase(), arg.slice(colon + 1).trim()];
}

/** Normalises a scheme name for its environment variable: upper case, every non-alphanumeric → `_`. */
export function schemeEnvName(scheme: string): string {
  return `SPECGATE_AUTH_${scheme.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Reads credentials from `-H` arguments and `SPECGATE_*` environment variables. */
export function readCredentials(headerArgs: string[], env: Record<string, string | undefined>): Credentials {
  const creds: Credentials = { headers: headerArgs.map(parseHeaderArg), perScheme: {} };
  if (env.SPECGATE_TOKEN) creds.token = env.SPECGATE_TOKEN;
  if (env.SPECGATE_API_KEY) creds.apiKey = env.SPECGATE_API_KEY;
  if (env.SPECGATE_USERNAME) creds.username = env.SPECGATE_USERNAME;
  if (env.SPECGATE_PASSWORD !== undefined) creds.password = env.SPECGATE_PASSWORD;
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('SPECGATE_AUTH_') && value) creds.perScheme[key] = value;
  }
  return creds;
}

const SENSITIVE = /authorization|cookie|token|secret|key|session|password|credential|auth/i;

/** Every secret string the credentials hold (and the encodings that reach the wire), longest first. */
export function secretValues(creds: Credentials): string[] {
  const out = new Set<string>();
  const add = (v: string | undefined) => v && v.length >= 4 && out.add(v);
  for (const [name, value] of creds.headers) {
    if (!SENSITIVE.test(name)) continue;
    add(value);
    add(value.split(/\s+/).slice(1).join(' '));
  }
  [creds.token, creds.apiKey, creds.password, ...Object.values(creds.perScheme)].forEach(add);
  if (creds.username !== undefined && creds.password !== undefined) add(basic(`${creds.username}:${creds.password}`));
  for (const v of Object.values(creds.perScheme)) if (v.includes(':')) add(basic(v));
  for (const v of [...out]) add(encodeURIComponent(v));
  return [...out].sort((a, b) => b.length - a.length);
}

const basic = (userPass: string) => Buffer.from(userPass).toString('base64');

type Placement = { in: 'header' | 'query' | 'cookie'; name: string; value: string };

/** Where and what one security scheme would send with these credentials, or undefined when we have none for it. */
export function placementFor(name: string, scheme: JsonObject, creds: Credentials): Placement | undefined {
  const own = creds.perScheme[schemeEnvName(name)];
  const type = String(scheme.type ?? '');
  const httpScheme = String(scheme.scheme ?? '').toLowerCase();
  if (type === 'apiKey') {
    const value = own ?? creds.apiKey ?? creds.token;
    const where = scheme.in === 'query' || scheme.in === 'cookie' ? scheme.in : 'header';
    return value && typeof scheme.name === 'string' ? { in: where, name: scheme.name, value } : undefined;
  }
  if (type === 'http' && httpScheme === 'basic') {
    const pair = own ?? (creds.username !== undefined ? `${creds.username}:${creds.password ?? ''}` : undefined);
    return pair ? { in: 'header', name: 'authorization', value: `Basic ${basic(pair)}` } : undefined;
  }
  if (type === 'http' && httpScheme !== 'bearer') {
    return own ? { in: 'header', name: 'authorization', value: own } : undefined;
  }
  if (type === 'http' || type === 'oauth2' || type === 'openIdConnect') {
    const token = own ?? creds.token;
    return token ? { in: 'header', name: 'authorization', value: `Bearer ${token}` } : undefined;
  }
  return undefined; // mutualTLS and unknown types carry nothing in the request
}

/** The placements of the first security requirement of `operation` we hold every credential for. */
export function authFor(spec: Spec, operation: Operation, creds: Credentials): Placement[] {
  const schemes = (spec.get<JsonObject>('/components/securitySchemes') ?? {}) as JsonObject;
  for (const requirement of operation.security) {
    const placements: Placement[] = [];
    for (const name of Object.keys(requirement)) {
      const scheme = spec.deref<JsonObject>(schemes[name]).value;
      const placement = scheme ? placementFor(name, scheme, creds) : undefined;
      if (!placement) break;
      placements.push(placement);
    }
    if (placements.length === Object.keys(requirement).length) return placements;
  }
  return [];
}

/** A copy of `c` with the operation's auth and the `-H` headers applied (`-H` wins over everything). */
export function applyAuth(c: Case, placements: Placement[], creds: Credentials): Case {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.headers)) headers[k.toLowerCase()] = v;
  const cookies = { ...c.cookies };
  let query = c.query;
  for (const p of placements) {
    if (p.in === 'header' && !creds.headers.some(([n]) => n === p.name.toLowerCase()))
      headers[p.name.toLowerCase()] = p.value;
    if (p.in === 'cookie') cookies[p.name] = p.value;
    if (p.in === 'query' && !new URLSearchParams(query).has(p.name)) {
      const pair = `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value)}`;
      query = query ? `${query}&${pair}` : pair;
    }
  }
  for (const [name, value] of creds.headers) headers[name] = value;
  return { ...c, headers, cookies, query };
}

/** A copy of `c` without the given placements' credentials nor any sensitive `-H` header (for unauthenticated probes). */
export function stripCredentials(c: Case, placements: Placement[], creds: Credentials): Case {
  const drop = new Set([
    ...placements.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
    ...creds.headers.filter(([n]) => SENSITIVE.test(n)).map(([n]) => n),
  ]);
  const headers = Object.fromEntries(Object.entries(c.headers).filter(([k]) => !drop.has(k.toLowerCase())));
  const cookieNames = new Set(placements.filter((p) => p.in === 'cookie').map((p) => p.name));
  const cookies = Object.fromEntries(Object.entries(c.cookies).filter(([k]) => !cookieNames.has(k)));
  const queryNames = placements.filter((p) => p.in === 'query').map((p) => p.name);
  const params = new URLSearchParams(c.query);
  const query = queryNames.some((n) => params.has(n))
    ? c.query
        .split('&')
        .filter((pair) => !queryNames.includes(decodeURIComponent(pair.split('=')[0] ?? '')))
        .join('&')
    : c.query;
  return { ...c, headers, cookies, query };
}
