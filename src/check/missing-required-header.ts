/**
 * `missing_required_header`: a request without one of the operation's required header parameters is
 * rejected with a 4xx. Headers the harness owns (`src/headers.ts`: the ones OAS says are ignored, and HTTP
 * framing such as Content-Length) are never dropped.
 * @see https://spec.openapis.org/oas/v3.1.0#fixed-fields-9
 */
import { HARNESS_OWNED_HEADERS } from '../headers.ts';
import type { Operation } from '../types.ts';
import type { ProbeCheck, CheckContext } from './check.ts';
import { makeFinding } from './finding.ts';
import { probeCase, probeOf, withoutHeaders } from './probe.ts';

// Asked of every exchange (applies): worked out once per operation.
const memo = new WeakMap<Operation, string[]>();

function requiredHeaders(ctx: CheckContext): string[] {
  let names = memo.get(ctx.operation);
  if (!names) {
    names = ctx.operation.parameters
      .filter((p) => p.in === 'header' && p.required && !HARNESS_OWNED_HEADERS.has(p.name.toLowerCase()))
      .map((p) => p.name)
      .sort();
    memo.set(ctx.operation, names);
  }
  return names;
}

const check: ProbeCheck = {
  kind: 'probe',
  id: 'missing_required_header',
  description: 'Requests missing a required header parameter are rejected with a 4xx.',
  defaultSeverity: 'error',
  probe(validCase, ctx) {
    const header = requiredHeaders(ctx)[0];
    if (header === undefined) return undefined;
    return probeCase(validCase, check.id, {
      kind: 'negative',
      headers: withoutHeaders(validCase.headers, [header]),
      violation: { location: `header.${header}`, keyword: 'required', message: `required header ${header} omitted` },
    });
  },
  applies(exchange, ctx) {
    if (requiredHeaders(ctx).length === 0) return 'the operation has no required header parameter';
    if (probeOf(exchange) !== check.id) return 'judges only its probe (a valid request without a required header)';
    if (!exchange.response) return 'no response';
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const status = exchange.response!.status;
    if (status >= 400 && status < 500) return [];
    const header = exchange.case.violation?.location.replace(/^header\./, '') ?? '(unknown)';
    const param = ctx.operation.parameters.find((p) => p.in === 'header' && p.name === header);
    const server = status >= 500;
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: `${server ? 'server error' : 'accepted'} without header ${header.toLowerCase()}`,
        severity: server ? 'warn' : undefined,
        pointer: param?.pointer,
        message: `Received: ${status} for a request without the ${header} header\nDocumented: ${header} is a required header parameter; expected a 4xx`,
      }),
    ];
  },
};

export default check;
