/** `request-media-type-removed` (breaking): A request media type is no longer accepted. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'request-media-type-removed',
  kind: 'breaking',
  scope: 'operation',
  description: 'A request media type is no longer accepted.',
  run: (ctx) =>
    ctx.requestMedia.removed.map(({ key, item }) => ({
      message: `request media type ${key} removed`,
      base: item.pointer,
      head: ctx.requestMedia.headParent,
    })),
};

export default rule;
