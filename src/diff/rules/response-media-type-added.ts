/** `response-media-type-added` (non-breaking): A response media type was added. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'response-media-type-added',
  kind: 'non-breaking',
  scope: 'operation',
  description: 'A response media type was added.',
  run: (ctx) =>
    ctx.responseMedia.flatMap((media) =>
      media.added.map(({ key, item }) => ({
        message: `response ${media.status} media type ${key} added`,
        base: media.baseParent,
        head: item.pointer,
      })),
    ),
};

export default rule;
