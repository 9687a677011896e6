/** `request-pattern-changed` (breaking): A request string pattern changed (it may reject values it accepted). */
import type { SchemaRule } from '../types.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-pattern-changed',
  kind: 'breaking',
  scope: 'schema',
  description: 'A request string pattern changed (it may reject values it accepted).',
  run: only('request', (ctx) => {
    const { pattern: before } = ctx.base;
    const { pattern: after } = ctx.head;
    return before !== undefined && after !== undefined && before !== after
      ? [at(ctx, `pattern changed from ${before} to ${after}`)]
      : [];
  }),
};

export default rule;
