/** `request-enum-narrowed` (breaking): A request enum lost values: clients sending them are rejected. */
import type { SchemaRule } from '../types.ts';
import { at, enumDelta, only } from './helpers.ts';

const rule: SchemaRule = {
  id: 'request-enum-narrowed',
  kind: 'breaking',
  scope: 'schema',
  description: 'A request enum lost values: clients sending them are rejected.',
  run: only('request', (ctx) => {
    const values = enumDelta(ctx).removed;
    return values.length > 0 ? [at(ctx, `enum values no longer accepted: ${values.join(', ')}`)] : [];
  }),
};

export default rule;
