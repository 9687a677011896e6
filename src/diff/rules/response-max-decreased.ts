/** `response-max-decreased` (non-breaking): A response maximum was lowered or added. */
import type { SchemaRule } from '../types.ts';
import { boundChanges, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-max-decreased',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A response maximum was lowered or added.',
  run: only('response', (ctx) => boundChanges(ctx, 'max', 'tighter')),
};

export default rule;
