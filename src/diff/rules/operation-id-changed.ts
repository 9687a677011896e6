/** `operation-id-changed` (breaking): The operationId changed or was removed: generated SDK method names change. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'operation-id-changed',
  kind: 'breaking',
  scope: 'operation',
  description: 'The operationId changed or was removed: generated SDK method names change.',
  run: (ctx) => {
    const before = ctx.pair.base.operationId;
    const after = ctx.pair.head.operationId;
    if (before === undefined || before === after) return [];
    return [
      {
        message: `operationId changed from ${before} to ${after ?? '(none)'}`,
        base: ctx.pair.base.pointer,
        head: ctx.pair.head.pointer,
      },
    ];
  },
};

export default rule;
