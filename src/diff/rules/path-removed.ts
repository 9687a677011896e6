/** `path-removed` (breaking): A path was removed: every client calling any of its operations breaks. */
import type { DocumentRule } from '../types.ts';
import { normalizePath } from '../match.ts';

const rule: DocumentRule = {
  id: 'path-removed',
  kind: 'breaking',
  scope: 'document',
  description: 'A path was removed: every client calling any of its operations breaks.',
  run: (ctx) =>
    ctx.removed
      .filter((op) => !op.webhook && !ctx.headPaths.has(normalizePath(op.path)))
      .map((op) => ({
        operation: op.key,
        message: `path ${op.path} removed (with its ${op.method.toUpperCase()} operation)`,
        base: op.pointer,
        head: '/paths',
      })),
};

export default rule;
