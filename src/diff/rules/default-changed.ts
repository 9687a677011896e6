/** `default-changed` (breaking): The default of a request value changed or was removed: clients that omit it get different behaviour. */
import type { SchemaRule } from '../types.ts';
import { sameJson } from '../schema-view.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'default-changed',
  kind: 'breaking',
  scope: 'schema',
  description: 'The default of a request value changed or was removed: clients that omit it get different behaviour.',
  run: only('request', (ctx) => {
    if (!ctx.base.hasDefault || (ctx.head.hasDefault && sameJson(ctx.base.default, ctx.head.default))) return [];
    const after = ctx.head.hasDefault ? JSON.stringify(ctx.head.default) : '(none)';
    return [at(ctx, `default changed from ${JSON.stringify(ctx.base.default)} to ${after}`)];
  }),
};

export default rule;
