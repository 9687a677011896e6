/**
 * Credentials for a run: `-H "Name: value"` headers (curl style) and environment variables mapped onto the
 * spec's `securitySchemes` (read in `credentials/`). Applied to each Case before sending, so auth checks can derive
 * probes without them; which names and values are credentials is the one rule of `credentials/`.
 * @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object
 */
import { schemeEnvName, type Credentials, type SecretBook } from '../credentials/index.ts';
import type { Case, JsonObject, Operation, Spec } from '../types.ts';

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

/**
 * A copy of `c` without its credentials (for unauthenticated probes): the placements' header, query and cookie,
 * and every header the one credential rule names. Routing and other ordinary headers stay.
 */
export function stripCredentials(c: Case, placements: Placement[], book: SecretBook): Case {
  const placed = new Set(placements.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()));
  const keep = ([k]: [string, unknown]) => !placed.has(k.toLowerCase()) && !book.isCredentialName(k);
  const headers = Object.fromEntries(Object.entries(c.headers).filter(keep));
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
