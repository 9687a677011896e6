/**
 * `ignored_auth`: an operation that requires credentials refuses a request sent without them (401/403).
 * The probe is a valid case with every credential location of the operation's schemes removed; the runner
 * also leaves configured credentials off it (`omitsCredentials`).
 */
import type { ProbeCheck } from './check.ts';
import { makeFinding } from './finding.ts';
import { probeCase, probeOf, withoutHeaders, withoutQuery } from './probe.ts';
import { credentialLocations, requiresAuth } from './security.ts';

const check: ProbeCheck = {
  kind: 'probe',
  id: 'ignored_auth',
  description: 'Operations that require credentials answer 401/403 to a request without them.',
  defaultSeverity: 'error',
  omitsCredentials: true,
  probe(validCase, ctx) {
    if (!requiresAuth(ctx.operation)) return undefined;
    const locations = credentialLocations(ctx.spec, ctx.operation);
    const names = (where: string) => locations.filter((l) => l.in === where).map((l) => l.name);
    const cookies = Object.fromEntries(Object.entries(validCase.cookies).filter(([k]) => !names('cookie').includes(k)));
    return probeCase(validCase, check.id, {
      headers: withoutHeaders(validCase.headers, ['Authorization', 'Cookie', ...names('header')]),
      query: withoutQuery(validCase.query, names('query')),
      cookies,
    });
  },
  applies(exchange, ctx) {
    if (!requiresAuth(ctx.operation)) return 'the operation requires no credentials';
    if (probeOf(exchange) !== check.id) return 'judges only its probe (a valid request sent without credentials)';
    if (!exchange.response) return 'no response';
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const status = exchange.response!.status;
    // Only a success is proof: a 400/404 may come from validation or routing that runs before authentication.
    if (status < 200 || status > 299) return [];
    const schemes = [...new Set(ctx.operation.security.flatMap((r) => Object.keys(r)))];
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: 'accepted without credentials',
        pointer: `${ctx.operation.pointer}`,
        message: `Received: ${status} for a request without credentials\nDocumented: requires ${schemes.join(' or ')}; expected 401 or 403`,
      }),
    ];
  },
};

export default check;
