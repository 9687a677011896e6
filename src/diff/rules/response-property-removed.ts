/** `response-property-removed` (breaking): A response property was removed: clients that read it break. */
import type { SchemaRule } from '../types.ts';
import { atProperty, inDirection, only, properties } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-property-removed',
  kind: 'breaking',
  scope: 'schema',
  description: 'A response property was removed: clients that read it break.',
  run: only('response', (ctx) =>
    properties(ctx)
      .filter((p) => !p.head && inDirection(p.base, 'response'))
      .map((p) =>
        atProperty(
          ctx,
          p.name,
          `${p.requiredInBase ? 'required' : 'optional'} property removed`,
          p.base!.pointer,
          ctx.head.pointer,
        ),
      ),
  ),
};

export default rule;
