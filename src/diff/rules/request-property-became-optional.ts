/** `request-property-became-optional` (non-breaking): A required request property became optional. */
import type { SchemaRule } from '../types.ts';
import { atProperty, only, properties } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-property-became-optional',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A required request property became optional.',
  run: only('request', (ctx) =>
    properties(ctx)
      .filter((p) => p.base && p.head && p.requiredInBase && !p.requiredInHead)
      .map((p) => atProperty(ctx, p.name, 'became optional', p.base!.pointer, p.head!.pointer)),
  ),
};

export default rule;
