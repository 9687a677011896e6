/** `request-parameter-required-added` (breaking): A new required request parameter was added: existing calls lack it. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'request-parameter-required-added',
  kind: 'breaking',
  scope: 'operation',
  description: 'A new required request parameter was added: existing calls lack it.',
  run: (ctx) =>
    ctx.parameters.added
      .filter(({ item }) => item.required)
      .map(({ item }) => ({
        message: `required ${item.in} parameter ${item.name} added`,
        base: ctx.parameters.baseParent,
        head: item.pointer,
      })),
};

export default rule;
