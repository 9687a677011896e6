/** `response-media-type-removed` (breaking): A response media type was removed: clients asking for it get something else. */
import type { OperationRule } from '../types.ts';

const rule: OperationRule = {
  id: 'response-media-type-removed',
  kind: 'breaking',
  scope: 'operation',
  description: 'A response media type was removed: clients asking for it get something else.',
  run: (ctx) =>
    ctx.responseMedia.flatMap((media) =>
      media.removed.map(({ key, item }) => ({
        message: `response ${media.status} media type ${key} removed`,
        base: item.pointer,
        head: media.headParent,
      })),
    ),
};

export default rule;
