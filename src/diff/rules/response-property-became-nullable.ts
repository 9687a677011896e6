/** `response-property-became-nullable` (breaking): A response value may now be null: clients that dereference it break. */
import type { SchemaRule } from '../types.ts';
import { at, only, typeDelta } from './helpers.ts';

const rule: SchemaRule = {
  id: 'response-property-became-nullable',
  kind: 'breaking',
  scope: 'schema',
  description: 'A response value may now be null: clients that dereference it break.',
  run: only('response', (ctx) => {
    const delta = typeDelta(ctx);
    return delta && delta.gained.length === 1 && delta.gained[0] === 'null' ? [at(ctx, 'became nullable')] : [];
  }),
};

export default rule;
