/** `response-variant-added` (breaking): A response oneOf/anyOf has a new branch clients do not know. */
import type { SchemaRule } from '../types.ts';
import { branchesOf } from '../compare-schemas.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-variant-added',
  kind: 'breaking',
  scope: 'schema',
  description: 'A response oneOf/anyOf has a new branch clients do not know.',
  run: only('response', (ctx) =>
    branchesOf(ctx).added.map((b) =>
      at(ctx, `variant ${b.key} may now be returned`, ctx.base.pointer, b.item.ref.pointer),
    ),
  ),
};

export default rule;
