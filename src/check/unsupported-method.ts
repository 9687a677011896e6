/**
 * `unsupported_method`: a method the path does not document is refused with 405 Method Not Allowed.
 * The probe uses the first undocumented method among PATCH, PUT, POST, DELETE (least destructive first,
 * no body), once per path. 401/403 are accepted (auth runs before routing); 404, 501 and other 4xx warn.
 * A method that another template documents for the same concrete path (`PATCH /items/{id}` for
 * `/items/_template`) is routed there, so it is never probed or judged as unsupported.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-405-method-not-allowed
 */
import type { ProbeCheck, CheckContext } from './check.ts';
import { makeFinding } from './finding.ts';
import { otherTemplatesMethods, pathMethods } from './path-methods.ts';
import { probeCase, probeOf, withoutHeaders } from './probe.ts';

const CANDIDATES = ['PATCH', 'PUT', 'POST', 'DELETE'];

/**
 * The method to probe with, or undefined: one probe per path, made by the path's first documented operation.
 * With the concrete path, methods other templates route there (`/items/{id}` for `/items/_template`) are skipped.
 */
function probeMethod(ctx: CheckContext, concretePath?: string): string | undefined {
  if (ctx.operation.webhook) return undefined;
  const documented = pathMethods(ctx.spec, ctx.operation);
  if (documented[0] !== ctx.operation.method.toUpperCase()) return undefined;
  const elsewhere =
    concretePath === undefined ? undefined : otherTemplatesMethods(ctx.spec, ctx.operation, concretePath);
  return CANDIDATES.find((m) => !documented.includes(m) && !elsewhere?.has(m));
}

const check: ProbeCheck = {
  kind: 'probe',
  id: 'unsupported_method',
  description: 'Methods a path does not document are refused with 405.',
  defaultSeverity: 'error',
  probe(validCase, ctx) {
    const method = probeMethod(ctx, validCase.path);
    if (!method) return undefined;
    return probeCase(validCase, check.id, {
      method,
      body: undefined,
      bodyText: undefined,
      mediaType: undefined,
      headers: withoutHeaders(validCase.headers, ['content-type', 'content-length']),
    });
  },
  applies(exchange, ctx) {
    if (!probeMethod(ctx))
      return ctx.operation.webhook
        ? 'webhook'
        : 'probed from the first operation of the path, or no method left to try';
    if (probeOf(exchange) !== check.id) return 'judges only its probe (an undocumented method on the path)';
    if (!exchange.response) return 'no response';
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const status = exchange.response!.status;
    if (status === 405 || status === 401 || status === 403) return [];
    const method = exchange.request.method.toUpperCase();
    if (otherTemplatesMethods(ctx.spec, ctx.operation, exchange.case.path).has(method)) return [];
    const documented = pathMethods(ctx.spec, ctx.operation).join(', ');
    const hard = (status >= 200 && status < 300) || (status >= 500 && status !== 501);
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: status < 300 ? `undocumented ${method} accepted` : `status ${status} instead of 405`,
        severity: hard ? undefined : 'warn',
        message: `Received: ${status} for ${method} ${ctx.operation.path}\nDocumented: only ${documented} on ${ctx.operation.path}; expected 405`,
      }),
    ];
  },
};

export default check;
