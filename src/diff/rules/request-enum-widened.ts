/** `request-enum-widened` (non-breaking): A request enum accepts new values. */
import type { SchemaRule } from '../types.ts';
import { at, enumDelta, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-enum-widened',
  kind: 'non-breaking',
  scope: 'schema',
  description: 'A request enum accepts new values.',
  run: only('request', (ctx) => {
    const values = enumDelta(ctx).added;
    return values.length > 0 ? [at(ctx, `enum values now accepted: ${values.join(', ')}`)] : [];
  }),
};

export default rule;
