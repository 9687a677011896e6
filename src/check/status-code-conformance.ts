/**
 * `status_code_conformance`: the status is documented, exactly, by a range (`4XX`) or by `default`.
 * @see https://spec.openapis.org/oas/v3.1.0#patterned-fields-0
 */
import type { ExchangeCheck } from './check.ts';
import { makeFinding } from './finding.ts';
import { documentedStatuses, findResponse } from './responses.ts';

const check: ExchangeCheck = {
  kind: 'exchange',
  id: 'status_code_conformance',
  description: 'Every response status is documented in the operation (exact code, `NXX` range or `default`).',
  defaultSeverity: 'error',
  applies(exchange, ctx) {
    if (!exchange.response) return 'no response';
    if (documentedStatuses(ctx.spec, ctx.operation).length === 0) return 'the operation documents no responses';
    return undefined;
  },
  run(exchange, ctx) {
    if (check.applies!(exchange, ctx)) return [];
    const status = exchange.response!.status;
    if (findResponse(ctx.spec, ctx.operation, status)) return [];
    const keys = documentedStatuses(ctx.spec, ctx.operation);
    return [
      makeFinding(check.id, exchange, ctx, {
        cause: `status ${status}`,
        pointer: `${ctx.operation.pointer}/responses`,
        message: `Received: ${status}\nDocumented: ${keys.join(', ')}`,
      }),
    ];
  },
};

export default check;
