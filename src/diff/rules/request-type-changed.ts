/** `request-type-changed` (breaking): A request schema no longer accepts a type it accepted (e.g. string to integer, or null no longer allowed). */
import type { SchemaRule } from '../types.ts';
import { at, formatTypes, only, typeDelta } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-type-changed',
  kind: 'breaking',
  scope: 'schema',
  description:
    'A request schema no longer accepts a type it accepted (e.g. string to integer, or null no longer allowed).',
  run: only('request', (ctx) => {
    const delta = typeDelta(ctx);
    if (!delta || delta.lost.length === 0) return [];
    if (delta.lost.length === 1 && delta.lost[0] === 'null') return [at(ctx, 'no longer accepts null')];
    return [at(ctx, `type changed from ${formatTypes(ctx.base)} to ${formatTypes(ctx.head)}`)];
  }),
};

export default rule;
