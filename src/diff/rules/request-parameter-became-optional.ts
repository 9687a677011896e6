/** `request-parameter-became-optional` (non-breaking): A required request parameter became optional. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'request-parameter-became-optional',
  kind: 'non-breaking',
  scope: 'operation',
  description: 'A required request parameter became optional.',
  run: (ctx) =>
    ctx.parameters.matched
      .filter((m) => m.base.required && !m.head.required)
      .map((m) => ({
        message: `${m.head.in} parameter ${m.head.name} became optional`,
        base: m.base.pointer,
        head: m.head.pointer,
      })),
};

export default rule;
