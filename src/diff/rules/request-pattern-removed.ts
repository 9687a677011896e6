/** `request-pattern-removed` (non-breaking): A request string no longer has to match a pattern. */
import type { SchemaRule } from '../types.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-pattern-removed',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A request string no longer has to match a pattern.',
  run: only('request', (ctx) =>
    ctx.base.pattern !== undefined && ctx.head.pattern === undefined
      ? [at(ctx, `pattern ${ctx.base.pattern} removed`)]
      : [],
  ),
};

export default rule;
