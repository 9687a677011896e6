/** `response-enum-widened` (breaking): A response enum has new values clients do not know. */
import type { SchemaRule } from '../types.ts';
import { at, enumDelta, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-enum-widened',
  kind: 'breaking',
  scope: 'schema',
  description: 'A response enum has new values clients do not know.',
  run: only('response', (ctx) => {
    const values = enumDelta(ctx).added;
    return values.length > 0 ? [at(ctx, `enum values may now be returned: ${values.join(', ')}`)] : [];
  }),
};

export default rule;
