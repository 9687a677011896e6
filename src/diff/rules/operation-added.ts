/** `operation-added` (non-breaking): A new operation (or a new path) was added. */
import type { DocumentRule } from '../types.ts';

const rule: DocumentRule = {
  id: 'operation-added',
  kind: 'non-breaking',
  scope: 'document',
  description: 'A new operation (or a new path) was added.',
  run: (ctx) =>
    ctx.added.map((op) => ({
      operation: op.key,
      message: `operation ${op.key} added`,
      base: '/paths',
      head: op.pointer,
    })),
};

export default rule;
