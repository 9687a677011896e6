/**
 * Where an operation's credentials travel, from its effective security requirements and the document's
 * Security Scheme Objects: `Authorization` for http/oauth2/openIdConnect, the named header/query/cookie for apiKey.
 * @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object
 */
import type { Exchange, Operation, Spec } from '../types.ts';
import { resolveObject } from './pointer.ts';

/** One place a credential is sent. */
export interface CredentialLocation {
  in: 'header' | 'query' | 'cookie';
  name: string;
  scheme: string;
}

/** True when the operation requires credentials: some requirement, and no empty (`{}`, optional) alternative. */
export function requiresAuth(operation: Operation): boolean {
  return operation.security.length > 0 && operation.security.every((r) => Object.keys(r).length > 0);
}

/** Every place the operation's security schemes put credentials (deduplicated). */
export function credentialLocations(spec: Spec, operation: Operation): CredentialLocation[] {
  const out = new Map<string, CredentialLocation>();
  for (const requirement of operation.security) {
    for (const scheme of Object.keys(requirement)) {
      const s = resolveObject(spec, '', ['components', 'securitySchemes', scheme])?.value;
      if (!s) continue;
      const loc: CredentialLocation | undefined =
        s.type === 'apiKey' &&
        typeof s.name === 'string' &&
        (s.in === 'header' || s.in === 'query' || s.in === 'cookie')
          ? { in: s.in, name: s.name, scheme }
          : s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect'
            ? { in: 'header', name: 'Authorization', scheme }
            : undefined;
      if (loc) out.set(`${loc.in}:${loc.name.toLowerCase()}`, loc);
    }
  }
  return [...out.values()];
}

/** True when the request carried any of the credential locations (header, query parameter or cookie). */
export function sentCredentials(exchange: Exchange, locations: CredentialLocation[]): boolean {
  const headers = Object.fromEntries(Object.entries(exchange.request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const url = new URL(exchange.request.url, 'http://placeholder.invalid');
  const cookies = headers.cookie ?? '';
  return locations.some((l) =>
    l.in === 'header'
      ? headers[l.name.toLowerCase()] !== undefined
      : l.in === 'query'
        ? url.searchParams.has(l.name)
        : cookies.split(';').some((c) => c.trim().startsWith(`${l.name}=`)),
  );
}
