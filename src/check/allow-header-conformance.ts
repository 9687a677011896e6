/**
 * `allow_header_conformance`: a 405 response carries an `Allow` header listing the path's documented methods.
 * HEAD (implied by GET) and OPTIONS (CORS) may be listed in addition without a finding, and so may methods that
 * another path template documents for the same concrete path (`/items/{id}` for `/items/_template`).
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-allow
 */
import type { ExchangeCheck } from './check.ts';
import { makeFinding } from './finding.ts';
import { otherTemplatesMethods, pathMethods } from './path-methods.ts';
import { responseHeader } from './responses.ts';

const check: ExchangeCheck = {
  kind: 'exchange',
  id: 'allow_header_conformance',
  description: 'A 405 response has an Allow header listing exactly the documented methods of the path.',
  defaultSeverity: 'error',
  judgesProbesOf: ['unsupported_method'],
  applies(exchange) {
    if (exchange.response?.status !== 405) return 'not a 405 response';
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const documented = pathMethods(ctx.spec, ctx.operation);
    const allow = responseHeader(exchange, 'allow');
    if (allow === undefined) {
      return [
        makeFinding(check.id, exchange, ctx, {
          cause: 'allow missing',
          message: `Received: 405 without an Allow header\nDocumented: Allow: ${documented.join(', ')}`,
        }),
      ];
    }
    const listed = allow
      .split(',')
      .map((m) => m.trim().toUpperCase())
      .filter(Boolean);
    const missing = documented.filter((m) => !listed.includes(m));
    const optional = new Set([
      'OPTIONS',
      ...(documented.includes('GET') ? ['HEAD'] : []),
      ...otherTemplatesMethods(ctx.spec, ctx.operation, exchange.case.path),
    ]);
    const extra = listed.filter((m) => !documented.includes(m) && !optional.has(m));
    if (missing.length === 0 && extra.length === 0) return [];
    const diff = [...missing.map((m) => `${m} missing`), ...extra.map((m) => `${m} undocumented`)].join(', ');
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: `allow ${diff}`,
        message: `Received: Allow: ${allow}\nDocumented: Allow: ${documented.join(', ')} (${diff})`,
      }),
    ];
  },
};

export default check;
