/** `request-max-increased` (non-breaking): A request maximum was raised or removed. */
import type { SchemaRule } from '../types.ts';
import { boundChanges, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-max-increased',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A request maximum was raised or removed.',
  run: only('request', (ctx) => boundChanges(ctx, 'max', 'looser')),
};

export default rule;
