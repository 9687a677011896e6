/** `response-pattern-changed` (info): A response string pattern was added, changed or removed. */
import type { SchemaRule } from '../types.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-pattern-changed',
  kind: 'info',
  scope: 'schema',
  description: 'A response string pattern was added, changed or removed.',
  run: only('response', (ctx) =>
    ctx.base.pattern !== ctx.head.pattern
      ? [at(ctx, `pattern changed from ${ctx.base.pattern ?? '(none)'} to ${ctx.head.pattern ?? '(none)'}`)]
      : [],
  ),
};

export default rule;
