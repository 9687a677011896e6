/** `request-type-widened` (non-breaking): A request schema accepts more types than before (e.g. integer to number, or null allowed). */
import type { SchemaRule } from '../types.ts';
import { at, formatTypes, only, typeDelta } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-type-widened',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A request schema accepts more types than before (e.g. integer to number, or null allowed).',
  run: only('request', (ctx) => {
    const delta = typeDelta(ctx);
    if (!delta || delta.lost.length > 0 || delta.gained.length === 0) return [];
    return [at(ctx, `type widened from ${formatTypes(ctx.base)} to ${formatTypes(ctx.head)}`)];
  }),
};

export default rule;
