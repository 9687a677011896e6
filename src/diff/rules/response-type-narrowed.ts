/** `response-type-narrowed` (non-breaking): A response value has fewer possible types than before. */
import type { SchemaRule } from '../types.ts';
import { at, formatTypes, only, typeDelta } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-type-narrowed',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A response value has fewer possible types than before.',
  run: only('response', (ctx) => {
    const delta = typeDelta(ctx);
    if (!delta || delta.lost.length === 0 || delta.gained.length > 0) return [];
    return [at(ctx, `type narrowed from ${formatTypes(ctx.base)} to ${formatTypes(ctx.head)}`)];
  }),
};

export default rule;
