/** `response-property-became-required` (non-breaking): An optional response property is now always present. */
import type { SchemaRule } from '../types.ts';
import { atProperty, only, properties } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-property-became-required',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'An optional response property is now always present.',
  run: only('response', (ctx) =>
    properties(ctx)
      .filter((p) => p.base && p.head && !p.requiredInBase && p.requiredInHead)
      .map((p) => atProperty(ctx, p.name, 'became required', p.base!.pointer, p.head!.pointer)),
  ),
};

export default rule;
