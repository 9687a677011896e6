/** `request-min-decreased` (non-breaking): A request minimum was lowered or removed. */
import type { SchemaRule } from '../types.ts';
import { boundChanges, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-min-decreased',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A request minimum was lowered or removed.',
  run: only('request', (ctx) => boundChanges(ctx, 'min', 'looser')),
};

export default rule;
