/** `request-parameter-removed` (breaking): A request parameter was removed: clients that send it lose its effect (or get rejected). */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'request-parameter-removed',
  kind: 'breaking',
  scope: 'operation',
  description: 'A request parameter was removed: clients that send it lose its effect (or get rejected).',
  run: (ctx) =>
    ctx.parameters.removed.map(({ item }) => ({
      message: `${item.in} parameter ${item.name} removed`,
      base: item.pointer,
      head: ctx.parameters.headParent,
    })),
};

export default rule;
