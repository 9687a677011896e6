/** `response-variant-removed` (non-breaking): A response oneOf/anyOf lost a branch. */
import type { SchemaRule } from '../types.ts';
import { branchesOf } from '../compare-schemas.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-variant-removed',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A response oneOf/anyOf lost a branch.',
  run: only('response', (ctx) =>
    branchesOf(ctx).removed.map((b) =>
      at(ctx, `variant ${b.key} no longer returned`, b.item.ref.pointer, ctx.head.pointer),
    ),
  ),
};

export default rule;
