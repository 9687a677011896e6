/** `response-enum-narrowed` (non-breaking): A response enum lost values. */
import type { SchemaRule } from '../types.ts';
import { at, enumDelta, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-enum-narrowed',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A response enum lost values.',
  run: only('response', (ctx) => {
    const values = enumDelta(ctx).removed;
    return values.length > 0 ? [at(ctx, `enum values no longer returned: ${values.join(', ')}`)] : [];
  }),
};

export default rule;
