/** `request-media-type-added` (non-breaking): A request media type was added. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'request-media-type-added',
  kind: 'non-breaking',
  scope: 'operation',
  description: 'A request media type was added.',
  run: (ctx) =>
    ctx.requestBody.base
      ? ctx.requestMedia.added.map(({ key, item }) => ({
          message: `request media type ${key} added`,
          base: ctx.requestMedia.baseParent,
          head: item.pointer,
        }))
      : [],
};

export default rule;
