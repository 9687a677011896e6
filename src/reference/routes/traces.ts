/** GET /v1/requests[/{id}]: logged inference requests, the inputs of replays. */
import type { Handler } from '../types.ts';
import { owned, page, pageParams, visible } from './common.ts';

export const listRequestTraces: Handler = (ctx) => {
  const [limit, after] = pageParams(ctx);
  return {
    status: 200,
    body: page(
      visible(ctx.state.traces, ctx).map((r) => r.trace as { id: string }),
      limit,
      after,
    ),
  };
};

export const getRequestTrace: Handler = (ctx) => ({
  status: 200,
  body: owned(ctx.state.traces, ctx.params.id!, ctx, 'request').trace,
});
