/** `response-max-increased` (breaking): A response maximum was raised or removed: values may exceed what clients expect. */
import type { SchemaRule } from '../types.ts';
import { boundChanges, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-max-increased',
  kind: 'breaking',
  scope: 'schema',
  description: 'A response maximum was raised or removed: values may exceed what clients expect.',
  run: only('response', (ctx) => boundChanges(ctx, 'max', 'looser')),
};

export default rule;
