/** `not_a_server_error`: a 5xx, or no response at all, is a server bug whatever the input was. */
import type { ExchangeCheck } from './check.ts';
import { makeFinding } from './finding.ts';
import { findResponse } from './responses.ts';

const check: ExchangeCheck = {
  kind: 'exchange',
  id: 'not_a_server_error',
  description: 'The server answers without a 5xx status and without dropping the connection.',
  defaultSeverity: 'error',
  applies: () => undefined,
  run(exchange, ctx) {
    if (exchange.error) {
      return [
        makeFinding(check.id, exchange, ctx, {
          cause: `no response (${exchange.error.code})`,
          message: `Received: no response (${exchange.error.code}: ${exchange.error.message})\nDocumented: an HTTP response`,
        }),
      ];
    }
    const status = exchange.response?.status;
    if (status === undefined || status < 500 || status > 599) return [];
    const doc = findResponse(ctx.spec, ctx.operation, status);
    // A 5xx the spec lists by its exact code (say 503 while overloaded) is still reported, but only as a warning.
    const documented = doc?.how === 'exact';
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: `status ${status}`,
        severity: documented ? 'warn' : undefined,
        pointer: doc?.pointer,
        message: `Received: ${status}\nDocumented: a non-5xx status${documented ? ` (${status} is documented, so this is a warning)` : ''}`,
      }),
    ];
  },
};

export default check;
