/** `response-header-removed` (breaking): A documented response header was removed. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'response-header-removed',
  kind: 'breaking',
  scope: 'operation',
  description: 'A documented response header was removed.',
  run: (ctx) =>
    ctx.responseHeaders.flatMap((headers) =>
      headers.removed.map(({ key, item }) => ({
        message: `response ${headers.status} header ${key} removed`,
        base: item.pointer,
        head: headers.headParent,
      })),
    ),
};

export default rule;
