/** `response-min-decreased` (breaking): A response minimum was lowered or removed: values may undercut what clients expect. */
import type { SchemaRule } from '../types.ts';
import { boundChanges, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-min-decreased',
  kind: 'breaking',
  scope: 'schema',
  description: 'A response minimum was lowered or removed: values may undercut what clients expect.',
  run: only('response', (ctx) => boundChanges(ctx, 'min', 'looser')),
};

export default rule;
