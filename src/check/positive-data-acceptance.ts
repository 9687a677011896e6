/**
 * `positive_data_acceptance`: a request valid per the spec (positive, example or boundary case) is not
 * rejected with a 4xx. Statuses that depend on server state rather than input are not judged: 404 on a path
 * with generated parameters (a random id legitimately does not exist), a documented 400/401/403/404/422 when
 * an id or token was generated rather than live (`Case.live`), 409, 429, a documented 422 when the body or query
 * names another resource (live or not: its state may forbid the request), and 401/403 when no credentials were sent
 * or (documented) when the body carries a generated password.
 * 413/414/431 (body, URL or header fields too large for the server's limits) are only warnings: a value the
 * spec allows can still make a request longer than the HTTP stack in front of the API takes.
 */
import type { ExchangeCheck, CheckContext } from './check.ts';
import { TOO_LARGE, type Exchange } from '../types.ts';
import { clip, formatStatuses, makeFinding } from './finding.ts';
import { formFieldLost, sentBodyErrors } from './request-body.ts';
import { findResponse } from './responses.ts';
import { credentialLocations, requiresAuth, sentCredentials } from './security.ts';
import {
  generatedReferences,
  generatedSecrets,
  referencedResources,
  UNKNOWN_REFERENCE_STATUSES,
} from './verdict-policy.ts';

/** Statuses that say "not now / not here", not "your input is wrong"; accepted when the spec lists them exactly. */
const STATE_DEPENDENT_IF_DOCUMENTED = [402, 410, 412, 423];

const TWO_XX = Array.from({ length: 100 }, (_, i) => 200 + i);

/** A refusal that names an id or token the harness made up: "unknown", not "invalid" (`verdict-policy.ts`). */
function unknownReference(exchange: Exchange, ctx: CheckContext, status: number): string | undefined {
  const generated = generatedReferences(exchange.case, ctx.operation);
  if (generated.length === 0) return undefined;
  const pathGenerated = ctx.operation.parameters.some((p) => p.in === 'path' && generated.includes(p.name));
  if (status === 404 && pathGenerated) return '404 on a path with parameters (unknown id)';
  if (!UNKNOWN_REFERENCE_STATUSES.includes(status) || findResponse(ctx.spec, ctx.operation, status)?.how !== 'exact')
    return undefined;
  return `documented ${status} refusal of generated ${generated.join(', ')} (no live value: an unknown id is refused whatever the input)`;
}

function stateDependent(exchange: Exchange, ctx: CheckContext, status: number): string | undefined {
  if (status === 409 || status === 429) return `status ${status} depends on server state`;
  const unknown = unknownReference(exchange, ctx, status);
  if (unknown !== undefined) return unknown;
  const named = status === 422 ? referencedResources(exchange.case, ctx.operation) : [];
  if (named.length > 0 && findResponse(ctx.spec, ctx.operation, status)?.how === 'exact')
    return `documented 422 to a valid case naming ${named.join(', ')} (that resource's state may forbid it)`;
  if (
    STATE_DEPENDENT_IF_DOCUMENTED.includes(status) &&
    findResponse(ctx.spec, ctx.operation, status)?.how === 'exact'
  ) {
    return `documented status ${status} depends on server state`;
  }
  if (
    (status === 401 || status === 403) &&
    requiresAuth(ctx.operation) &&
    !sentCredentials(exchange, credentialLocations(ctx.spec, ctx.operation))
  ) {
    return 'the operation requires credentials and none were sent';
  }
  const secrets = generatedSecrets(exchange.case);
  const documented = findResponse(ctx.spec, ctx.operation, status)?.how === 'exact';
  if ((status === 401 || status === 403) && secrets.length > 0 && documented)
    return `documented ${status} refusal of generated ${secrets.join(', ')} (a made-up password matches no account)`;
  return undefined;
}

const check: ExchangeCheck = {
  kind: 'exchange',
  id: 'positive_data_acceptance',
  description: 'Requests that are valid per the spec (positive, example, boundary cases) are not rejected with a 4xx.',
  defaultSeverity: 'error',
  applies(exchange, ctx) {
    if (exchange.case.kind === 'negative') return 'negative case';
    const r = exchange.response;
    if (!r) return 'no response';
    if (r.status >= 500) return 'server error (judged by not_a_server_error)';
    if (r.status < 400) return undefined;
    // A generator slip must not become a finding: only a body that validates can prove a valid input was refused.
    if (sentBodyErrors(ctx, exchange))
      return 'the body sent does not validate against the request schema (not a valid case)';
    const lost = formFieldLost(exchange.case);
    if (lost !== undefined)
      return `form field ${lost} is null or empty, which the ${exchange.case.mediaType} bytes cannot carry (the server did not receive the value that validated)`;
    return stateDependent(exchange, ctx, r.status);
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const { status, body } = exchange.response!;
    if (status < 400 || ctx.policy.accepted.includes(status)) return [];
    const tooLarge = TOO_LARGE.includes(status);
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: `status ${status}`,
        pointer: `${ctx.operation.pointer}`,
        severity: tooLarge ? 'warn' : undefined,
        message: [
          `Received: ${status} (the request is a valid ${exchange.case.kind} case)` +
            (tooLarge ? ': a server size limit (URL, header or body length), not input validation' : ''),
          `Documented: valid input is accepted (${formatStatuses([...ctx.policy.accepted, ...TWO_XX])}; policy: ${ctx.policy.source})`,
          ...(body.trim() ? [`Response body: ${clip(body)}`] : []),
        ].join('\n'),
      }),
    ];
  },
};

export default check;
