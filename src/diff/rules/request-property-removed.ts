/** `request-property-removed` (breaking): A request property was removed: clients that send it lose its effect (or get rejected). */
import type { SchemaRule } from '../types.ts';
import { atProperty, inDirection, only, properties } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-property-removed',
  kind: 'breaking',
  scope: 'schema',
  description: 'A request property was removed: clients that send it lose its effect (or get rejected).',
  run: only('request', (ctx) =>
    properties(ctx)
      .filter((p) => !p.head && inDirection(p.base, 'request'))
      .map((p) => atProperty(ctx, p.name, 'property removed', p.base!.pointer, ctx.head.pointer)),
  ),
};

export default rule;
