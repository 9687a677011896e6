/** `request-format-changed` (breaking): A request value gained or changed its format (widenings such as int32 to int64 excepted). */
import type { SchemaRule } from '../types.ts';
import { at, only } from './helpers.ts';

/** Format changes that accept strictly more values. */
const WIDENINGS = new Set(['int32>int64', 'float>double', 'int32>double', 'date-time>string', 'email>string']);

const rule: SchemaRule = {
  id: 'request-format-changed',
  kind: 'breaking',
  scope: 'schema',
  description: 'A request value gained or changed its format (widenings such as int32 to int64 excepted).',
  run: only('request', (ctx) => {
    const { format: before } = ctx.base;
    const { format: after } = ctx.head;
    if (after === undefined || after === before || WIDENINGS.has(`${before}>${after}`)) return [];
    return [at(ctx, `format changed from ${before ?? '(none)'} to ${after}`)];
  }),
};

export default rule;
