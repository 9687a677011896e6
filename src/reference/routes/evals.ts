/** /v1/evals: every dataset item on every candidate model, scored on one metric, synchronously. */
import { explicitModel } from '../auto-router.ts';
import { charge } from '../billing.ts';
import { similarity, unitHash } from '../fake-model.ts';
import { newId } from '../ids.ts';
import type { Handler } from '../types.ts';
import { owned, page, pageParams, visible } from './common.ts';
import { run } from './replays.ts';

type EvalBody = {
  name: string;
  metric?: 'quality' | 'cost' | 'speed';
  candidate_models: string[];
  dataset: Array<{ input: string; expected?: string }>;
};
const round = (x: number, d = 6): number => Math.round(x * 10 ** d) / 10 ** d;
type RunUsage = ReturnType<typeof run>['usage'];

type Model = ReturnType<typeof explicitModel>;
type Measured = { model: string; quality: number; cost: number; latency: number };

export const createEval: Handler = (ctx) => {
  const b = ctx.body as EvalBody;
  const metric = b.metric ?? 'quality';
  const models = b.candidate_models.map((id, i) => explicitModel(id, 'text', `candidate_models[${i}]`));
  const payer = { requestId: ctx.requestId, owner: ctx.principal.owner, keyId: ctx.principal.keyId, tag: ctx.tag };
  const raw = models.map((model) =>
    measure(model, b.dataset, (usage) => charge(ctx.state, payer, ctx.opts.now(), model.id, 'eval', usage)),
  );
  const results = scored(raw, metric);
  const winner = [...results].sort((x, y) => y.score - x.score)[0]!;
  const id = newId('eval_');
  const evalRun = {
    id,
    object: 'eval',
    name: b.name,
    metric,
    status: 'completed',
    candidate_models: models.map((m) => m.id),
    dataset_size: b.dataset.length,
    results,
    winner_model: winner.model,
    created_at: ctx.nowSec(),
    completed_at: ctx.nowSec(),
  };
  ctx.state.evals.set(id, { owner: ctx.principal.owner, value: evalRun });
  return { status: 201, body: evalRun };
};

/** Runs every dataset item on one model (each run billed through `bill`): mean quality and latency, total cost. */
function measure(model: Model, dataset: EvalBody['dataset'], bill: (usage: RunUsage) => void): Measured {
  let quality = 0,
    cost = 0,
    latency = 0;
  for (const item of dataset) {
    // String(): under `nested-invalid-accepted` an item may be anything; the eval still runs on its text.
    const out = run(model, { messages: [{ role: 'user', content: String(item?.input ?? '') }] });
    bill(out.usage);
    quality +=
      item?.expected !== undefined
        ? 0.5 * similarity(out.output, String(item.expected)) + 0.5 * model.quality
        : 0.9 * model.quality + 0.1 * unitHash(`${model.id}\n${String(item?.input)}`);
    cost += out.usage.cost_cents;
    latency += out.latency;
  }
  return {
    model: model.id,
    quality: quality / dataset.length,
    cost: round(cost),
    latency: Math.round(latency / dataset.length),
  };
}

/** Each candidate's score on `metric`. Cost and speed scores are relative: the cheapest (fastest) candidate scores 1. */
function scored(raw: Measured[], metric: NonNullable<EvalBody['metric']>) {
  const minCost = Math.min(...raw.map((r) => r.cost)),
    minLatency = Math.min(...raw.map((r) => r.latency));
  const relative = (min: number, value: number) => (value === 0 ? 1 : min / value);
  return raw.map((r) => ({
    model: r.model,
    mean_latency_ms: r.latency,
    cost_cents: r.cost,
    score: round(
      metric === 'quality'
        ? r.quality
        : metric === 'cost'
          ? relative(minCost, r.cost)
          : relative(minLatency, r.latency),
      4,
    ),
  }));
}

export const listEvals: Handler = (ctx) => {
  const [limit, after] = pageParams(ctx);
  return {
    status: 200,
    body: page(
      visible(ctx.state.evals, ctx).map((r) => r.value as { id: string }),
      limit,
      after,
    ),
  };
};

export const getEval: Handler = (ctx) => ({
  status: 200,
  body: owned(ctx.state.evals, ctx.params.id!, ctx, 'eval').value,
});
