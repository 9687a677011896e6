/** `response-error-status-removed` (info): A documented error (4xx, 5xx or default) response was removed. */
import type { OperationRule } from '../types.ts';
import { isErrorStatus } from './status.ts';

const rule: OperationRule = {
  id: 'response-error-status-removed',
  kind: 'info',
  scope: 'operation',
  description: 'A documented error (4xx, 5xx or default) response was removed.',
  run: (ctx) =>
    ctx.responses.removed
      .filter(({ key }) => isErrorStatus(key))
      .map(({ key, item }) => ({
        message: `response ${key} removed`,
        base: item.pointer,
        head: ctx.responses.headParent,
      })),
};

export default rule;
