/** `request-pattern-added` (breaking): A request string gained a pattern it must match. */
import type { SchemaRule } from '../types.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-pattern-added',
  kind: 'breaking',
  scope: 'schema',
  description: 'A request string gained a pattern it must match.',
  run: only('request', (ctx) =>
    ctx.head.pattern !== undefined && ctx.base.pattern === undefined
      ? [at(ctx, `pattern ${ctx.head.pattern} added`)]
      : [],
  ),
};

export default rule;
