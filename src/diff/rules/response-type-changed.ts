/** `response-type-changed` (breaking): A response value changed type (e.g. string to integer). */
import type { SchemaRule } from '../types.ts';
import { at, formatTypes, only, typeDelta } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-type-changed',
  kind: 'breaking',
  scope: 'schema',
  description: 'A response value changed type (e.g. string to integer).',
  run: only('response', (ctx) => {
    const delta = typeDelta(ctx);
    if (!delta || delta.lost.length === 0 || !delta.gained.some((t) => t !== 'null')) return [];
    return [at(ctx, `type changed from ${formatTypes(ctx.base)} to ${formatTypes(ctx.head)}`)];
  }),
};

export default rule;
