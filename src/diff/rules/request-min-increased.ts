/** `request-min-increased` (breaking): A request minimum (minimum, minLength, minItems, minProperties) was raised or added. */
import type { SchemaRule } from '../types.ts';
import { boundChanges, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-min-increased',
  kind: 'breaking',
  scope: 'schema',
  description: 'A request minimum (minimum, minLength, minItems, minProperties) was raised or added.',
  run: only('request', (ctx) => boundChanges(ctx, 'min', 'tighter')),
};

export default rule;
