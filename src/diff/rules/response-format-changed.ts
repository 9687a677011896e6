/** `response-format-changed` (breaking): A response value changed or lost its format: clients parsing it may break. */
import type { SchemaRule } from '../types.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-format-changed',
  kind: 'breaking',
  scope: 'schema',
  description: 'A response value changed or lost its format: clients parsing it may break.',
  run: only('response', (ctx) => {
    const { format: before } = ctx.base;
    const { format: after } = ctx.head;
    return before !== undefined && before !== after
      ? [at(ctx, `format changed from ${before} to ${after ?? '(none)'}`)]
      : [];
  }),
};

export default rule;
