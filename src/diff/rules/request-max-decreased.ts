/** `request-max-decreased` (breaking): A request maximum (maximum, maxLength, maxItems, maxProperties) was lowered or added. */
import type { SchemaRule } from '../types.ts';
import { boundChanges, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-max-decreased',
  kind: 'breaking',
  scope: 'schema',
  description: 'A request maximum (maximum, maxLength, maxItems, maxProperties) was lowered or added.',
  run: only('request', (ctx) => boundChanges(ctx, 'max', 'tighter')),
};

export default rule;
