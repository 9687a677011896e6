/** `response-type-widened` (breaking): A response value may now have a type it never had (e.g. integer to number, or any type). */
import type { SchemaRule } from '../types.ts';
import { at, formatTypes, only, typeDelta } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-type-widened',
  kind: 'breaking',
  scope: 'schema',
  description: 'A response value may now have a type it never had (e.g. integer to number, or any type).',
  run: only('response', (ctx) => {
    const delta = typeDelta(ctx);
    if (!delta || delta.lost.length > 0 || !delta.gained.some((t) => t !== 'null')) return [];
    return [at(ctx, `type widened from ${formatTypes(ctx.base)} to ${formatTypes(ctx.head)}`)];
  }),
};

export default rule;
