/** `response-header-added` (non-breaking): A response header was added. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'response-header-added',
  kind: 'non-breaking',
  scope: 'operation',
  description: 'A response header was added.',
  run: (ctx) =>
    ctx.responseHeaders.flatMap((headers) =>
      headers.added.map(({ key, item }) => ({
        message: `response ${headers.status} header ${key} added`,
        base: headers.baseParent,
        head: item.pointer,
      })),
    ),
};

export default rule;
