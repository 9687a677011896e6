/** `request-property-added` (non-breaking): A new optional request property (or a required one with a default) was added. */
import type { SchemaRule } from '../types.ts';
import { atProperty, inDirection, only, properties } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-property-added',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A new optional request property (or a required one with a default) was added.',
  run: only('request', (ctx) =>
    properties(ctx)
      .filter((p) => !p.base && p.head && (!p.requiredInHead || p.head.hasDefault || !inDirection(p.head, 'request')))
      .map((p) =>
        atProperty(
          ctx,
          p.name,
          `property added${p.requiredInHead ? ' (required, with a default)' : ''}`,
          ctx.base.pointer,
          p.head!.pointer,
        ),
      ),
  ),
};

export default rule;
