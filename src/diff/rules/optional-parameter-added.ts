/** `optional-parameter-added` (non-breaking): A new optional request parameter was added. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'optional-parameter-added',
  kind: 'non-breaking',
  scope: 'operation',
  description: 'A new optional request parameter was added.',
  run: (ctx) =>
    ctx.parameters.added
      .filter(({ item }) => !item.required)
      .map(({ item }) => ({
        message: `optional ${item.in} parameter ${item.name} added`,
        base: ctx.parameters.baseParent,
        head: item.pointer,
      })),
};

export default rule;
