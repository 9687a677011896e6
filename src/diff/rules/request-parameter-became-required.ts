/** `request-parameter-became-required` (breaking): An optional request parameter became required: calls that omit it now fail. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'request-parameter-became-required',
  kind: 'breaking',
  scope: 'operation',
  description: 'An optional request parameter became required: calls that omit it now fail.',
  run: (ctx) =>
    ctx.parameters.matched
      .filter((m) => !m.base.required && m.head.required)
      .map((m) => ({
        message: `${m.head.in} parameter ${m.head.name} became required`,
        base: m.base.pointer,
        head: m.head.pointer,
      })),
};

export default rule;
