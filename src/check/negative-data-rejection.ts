/**
 * `negative_data_rejection`: a request that breaks the spec in exactly one documented way (a negative case)
 * is rejected with one of the operation's policy statuses. Before judging, a body violation is re-validated
 * against the request schema: a body that turns out valid (e.g. after shrinking) is never reported.
 * 413, 414 and 431 (body, URL or header fields too large) always count as rejections: the request was refused,
 * by the HTTP stack before the application saw it, whatever the policy lists.
 */
import type { ExchangeCheck, CheckContext } from './check.ts';
import { TOO_LARGE, type Exchange, type Operation, type Spec } from '../types.ts';
import { requestPathTemplate } from '../load/operations.ts';
import { formatStatuses, makeFinding } from './finding.ts';
import { requestBodySchema, sentBody, stableLocation, violationPointer } from './request-body.ts';

// Asked of every negative exchange with a body violation: worked out once per operation.
const siblingsOf = new WeakMap<Operation, Operation[]>();

/** Same-method operations whose path key is the same URL as `operation`'s, told apart only by a `#fragment`. */
function urlSiblings(spec: Spec, operation: Operation): Operation[] {
  let out = siblingsOf.get(operation);
  if (!out) {
    const url = requestPathTemplate(operation.path);
    out = spec.operations.filter(
      (o) =>
        o !== operation &&
        o.method === operation.method &&
        o.webhook === operation.webhook &&
        o.path !== operation.path &&
        requestPathTemplate(o.path) === url,
    );
    siblingsOf.set(operation, out);
  }
  return out;
}

/**
 * A same-method operation whose path key differs only by its `#fragment` (`/oauth2/token#refresh` beside
 * `/oauth2/token`: variants of one URL, the fragment never sent) whose request schema the body sent satisfies.
 */
function urlSiblingAccepting(exchange: Exchange, ctx: CheckContext): string | undefined {
  if (!exchange.case.violation?.location.startsWith('body')) return undefined;
  const siblings = urlSiblings(ctx.spec, ctx.operation);
  if (siblings.length === 0) return undefined;
  const sent = sentBody(exchange, ctx);
  if (!sent) return undefined;
  return siblings.find((o) => {
    const pointer = requestBodySchema({ ...ctx, operation: o }, exchange.case);
    return pointer !== undefined && ctx.validator.validate(pointer, sent.value, 'request').length === 0;
  })?.key;
}

function bodyIsValidAfterAll(exchange: Exchange, ctx: CheckContext): boolean {
  if (!exchange.case.violation?.location.startsWith('body')) return false;
  const sent = sentBody(exchange, ctx);
  const pointer = sent && requestBodySchema(ctx, exchange.case);
  return pointer !== undefined && ctx.validator.validate(pointer, sent!.value, 'request').length === 0;
}

const check: ExchangeCheck = {
  kind: 'exchange',
  id: 'negative_data_rejection',
  description: 'Requests that violate the spec (negative cases) are rejected with a documented client-error status.',
  defaultSeverity: 'error',
  applies(exchange, ctx) {
    if (exchange.case.kind !== 'negative') return 'not a negative case';
    if (!exchange.case.violation) return 'negative case without a recorded violation';
    if (!exchange.response) return 'no response';
    if (exchange.response.status >= 500) return 'server error (judged by not_a_server_error)';
    if (bodyIsValidAfterAll(exchange, ctx)) return 'the body sent validates against the request schema';
    const sibling = urlSiblingAccepting(exchange, ctx);
    if (sibling !== undefined) return `the body sent is valid for ${sibling}, documented at the same URL`;
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const status = exchange.response!.status;
    if (ctx.policy.rejected.includes(status) || TOO_LARGE.includes(status)) return [];
    const v = exchange.case.violation!;
    const accepted = status < 400;
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: `${accepted ? 'accepted' : `status ${status} for`} invalid ${stableLocation(v.location)} (${v.keyword})`,
        pointer: violationPointer(ctx, v.location),
        message: [
          `Received: ${status}${accepted ? ' (the invalid request was accepted)' : ''}`,
          `Documented: invalid input is rejected with one of ${formatStatuses(ctx.policy.rejected)} (policy: ${ctx.policy.source})`,
          `Sent: ${v.location}: ${v.message} (${v.keyword})`,
        ].join('\n'),
      }),
    ];
  },
};

export default check;
