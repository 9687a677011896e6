/** `operation-removed` (breaking): An operation was removed from a path that still exists. */
import type { DocumentRule } from '../types.ts';
import { normalizePath } from '../match.ts';

const rule: DocumentRule = {
  id: 'operation-removed',
  kind: 'breaking',
  scope: 'document',
  description: 'An operation was removed from a path that still exists.',
  run: (ctx) =>
    ctx.removed
      .filter((op) => op.webhook || ctx.headPaths.has(normalizePath(op.path)))
      .map((op) => ({ operation: op.key, message: `operation ${op.key} removed`, base: op.pointer, head: '/paths' })),
};

export default rule;
