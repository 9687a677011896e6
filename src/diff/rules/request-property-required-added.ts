/** `request-property-required-added` (breaking): A new required request property without a default: existing requests lack it. */
import type { SchemaRule } from '../types.ts';
import { atProperty, inDirection, only, properties } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-property-required-added',
  kind: 'breaking',
  scope: 'schema',
  description: 'A new required request property without a default: existing requests lack it.',
  run: only('request', (ctx) =>
    properties(ctx)
      .filter((p) => !p.base && p.requiredInHead && inDirection(p.head, 'request') && !p.head!.hasDefault)
      .map((p) => atProperty(ctx, p.name, 'required property added', ctx.base.pointer, p.head!.pointer)),
  ),
};

export default rule;
