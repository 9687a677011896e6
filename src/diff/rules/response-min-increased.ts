/** `response-min-increased` (non-breaking): A response minimum was raised or added. */
import type { SchemaRule } from '../types.ts';
import { boundChanges, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-min-increased',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A response minimum was raised or added.',
  run: only('response', (ctx) => boundChanges(ctx, 'min', 'tighter')),
};

export default rule;
