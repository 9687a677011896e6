/** `response-status-removed` (breaking): A documented success or redirect status is no longer returned. */
import type { OperationRule } from '../types.ts';
import { isErrorStatus } from './status.ts';

const rule: OperationRule = {
  id: 'response-status-removed',
  kind: 'breaking',
  scope: 'operation',
  description: 'A documented success or redirect status is no longer returned.',
  run: (ctx) =>
    ctx.responses.removed
      .filter(({ key }) => !isErrorStatus(key))
      .map(({ key, item }) => ({
        message: `response ${key} removed`,
        base: item.pointer,
        head: ctx.responses.headParent,
      })),
};

export default rule;
