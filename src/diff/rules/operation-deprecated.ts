/** `operation-deprecated` (info): The operation is now marked deprecated. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'operation-deprecated',
  kind: 'info',
  scope: 'operation',
  description: 'The operation is now marked deprecated.',
  run: (ctx) =>
    ctx.pair.head.object.deprecated === true && ctx.pair.base.object.deprecated !== true
      ? [{ message: 'operation deprecated', base: ctx.pair.base.pointer, head: ctx.pair.head.pointer }]
      : [],
};

export default rule;
