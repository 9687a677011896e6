/** `request-property-became-required` (breaking): An optional request property without a default became required. */
import type { SchemaRule } from '../types.ts';
import { atProperty, inDirection, only, properties } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-property-became-required',
  kind: 'breaking',
  scope: 'schema',
  description: 'An optional request property without a default became required.',
  run: only('request', (ctx) =>
    properties(ctx)
      .filter(
        (p) => p.base && !p.requiredInBase && p.requiredInHead && inDirection(p.head, 'request') && !p.head!.hasDefault,
      )
      .map((p) => atProperty(ctx, p.name, 'became required', p.base!.pointer, p.head!.pointer)),
  ),
};

export default rule;
