/** `response-property-added` (non-breaking): A response property was added. */
import type { SchemaRule } from '../types.ts';
import { atProperty, inDirection, only, properties } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-property-added',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A response property was added.',
  run: only('response', (ctx) =>
    properties(ctx)
      .filter((p) => !p.base && inDirection(p.head, 'response'))
      .map((p) => atProperty(ctx, p.name, 'property added', ctx.base.pointer, p.head!.pointer)),
  ),
};

export default rule;
