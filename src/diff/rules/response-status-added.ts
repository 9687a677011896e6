/** `response-status-added` (non-breaking): A response status was added. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'response-status-added',
  kind: 'non-breaking',
  scope: 'operation',
  description: 'A response status was added.',
  run: (ctx) =>
    ctx.responses.added.map(({ key, item }) => ({
      message: `response ${key} added`,
      base: ctx.responses.baseParent,
      head: item.pointer,
    })),
};

export default rule;
