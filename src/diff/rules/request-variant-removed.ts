/** `request-variant-removed` (breaking): A oneOf/anyOf branch of a request schema was removed: clients sending that shape are rejected. */
import type { SchemaRule } from '../types.ts';
import { branchesOf } from '../compare-schemas.ts';
import { at, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-variant-removed',
  kind: 'breaking',
  scope: 'schema',
  description: 'A oneOf/anyOf branch of a request schema was removed: clients sending that shape are rejected.',
  run: only('request', (ctx) =>
    branchesOf(ctx).removed.map((b) =>
      at(ctx, `variant ${b.key} no longer accepted`, b.item.ref.pointer, ctx.head.pointer),
    ),
  ),
};

export default rule;
