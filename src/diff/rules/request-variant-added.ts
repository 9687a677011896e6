/** `request-variant-added` (non-breaking): A request oneOf/anyOf accepts a new branch. */
import type { SchemaRule } from '../types.ts';
import { branchesOf } from '../compare-schemas.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-variant-added',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A request oneOf/anyOf accepts a new branch.',
  run: only('request', (ctx) =>
    branchesOf(ctx).added.map((b) => at(ctx, `variant ${b.key} now accepted`, ctx.base.pointer, b.item.ref.pointer)),
  ),
};

export default rule;
