/** `response-property-became-optional` (breaking): A required response property became optional: clients that rely on it break. */
import type { SchemaRule } from '../types.ts';
import { atProperty, inDirection, only, properties } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-property-became-optional',
  kind: 'breaking',
  scope: 'schema',
  description: 'A required response property became optional: clients that rely on it break.',
  run: only('response', (ctx) =>
    properties(ctx)
      .filter((p) => p.base && p.head && p.requiredInBase && !p.requiredInHead && inDirection(p.head, 'response'))
      .map((p) => atProperty(ctx, p.name, 'became optional', p.base!.pointer, p.head!.pointer)),
  ),
};

export default rule;
