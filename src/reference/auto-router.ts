/**
 * Model resolution, including the Auto Router: `auto`, `auto/<modality>` or no model at all picks the
 * cheapest routable model whose quality clears a floor set by the request's complexity, never pricier
 * than the baseline (so routed calls only route down). The decision is reported in response headers.
 */
import { CATALOG, PREMIUM, findModel, type CatalogModel } from './catalog.ts';
import { ApiError, modelNotFound } from './errors.ts';

/** The model to run and the routing headers to send. */
export interface Resolved {
  model: CatalogModel;
  baseline: CatalogModel | null;
  headers: Record<string, string>;
}

/** Routing knobs of a request. */
export interface RouteRequest {
  baseline?: string;
  bias?: string;
  promptChars: number;
  param?: string;
}

const price = (m: CatalogModel): number => m.inputPrice + m.outputPrice;

/**
 * 404 for a model this endpoint cannot serve. Like unknown slugs (and as OpenAI answers a model of another kind,
 * OpenRouter one no provider serves), these depend on the catalog, not on the request: the contract keeps 400
 * for requests that are wrong in themselves and documents these codes under 404.
 */
const unservable = (code: string, message: string, param: string): ApiError =>
  new ApiError(404, 'not_found_error', code, message, param);

/** An explicit model, checked for existence, modality and availability (all 404). */
export function explicitModel(id: string, modality: CatalogModel['modality'], param = 'model'): CatalogModel {
  const model = findModel(id);
  if (!model) throw modelNotFound(id, param);
  if (model.modality !== modality)
    throw unservable(
      'wrong_modality',
      `${id} serves ${model.modality}, not ${modality}: pick a ${modality} model (GET /v1/models).`,
      param,
    );
  if (model.status === 'unavailable')
    throw unservable('model_unavailable', `${id} is not routable right now; see GET /v1/models?available=true.`, param);
  return model;
}

/** `auto` or `auto/<modality>` of this endpoint; another modality's router is a model of the wrong kind. */
function checkRouter(requested: string, modality: CatalogModel['modality'], param: string): void {
  if (requested === 'auto' || requested === `auto/${modality}`) return;
  const other = requested.slice('auto/'.length);
  if (!Object.hasOwn(PREMIUM, other)) throw modelNotFound(requested, param);
  throw unservable(
    'wrong_modality',
    `${requested} routes to ${other} models; use "auto" or "auto/${modality}".`,
    param,
  );
}

/** Resolves `requested` (maybe undefined or an Auto Router value) for an endpoint of `modality`. */
export function resolveModel(
  requested: string | undefined,
  modality: CatalogModel['modality'],
  req: RouteRequest,
): Resolved {
  const param = req.param ?? 'model';
  if (requested !== undefined && requested !== 'auto' && !requested.startsWith('auto/')) {
    return { model: explicitModel(requested, modality, param), baseline: null, headers: {} };
  }
  if (requested !== undefined) checkRouter(requested, modality, param);
  const baseline = explicitModel(
    req.baseline ?? PREMIUM[modality],
    modality,
    param.replace(/model$/, 'baseline_model'),
  );
  const complexity = req.promptChars < 200 ? 'simple' : req.promptChars < 2000 ? 'moderate' : 'complex';
  const floor = { simple: 0.75, moderate: 0.78, complex: 0.9 }[complexity];
  const eligible = CATALOG.filter(
    (m) => m.modality === modality && m.status !== 'unavailable' && price(m) <= price(baseline),
  );
  const clearing = eligible.filter((m) => m.quality >= floor);
  const pool = clearing.length ? clearing : [baseline];
  const bias = req.bias ?? 'auto';
  const pick = [...pool].sort((a, b) =>
    bias === 'quality'
      ? b.quality - a.quality
      : bias === 'speed'
        ? b.tps - a.tps
        : price(a) - price(b) || b.quality - a.quality,
  )[0]!;
  const reason =
    bias === 'auto' || bias === 'cost'
      ? `cheapest model at or above the ${complexity} quality floor ${floor}`
      : `best ${bias} among models at or under the baseline`;
  return {
    model: pick,
    baseline,
    headers: {
      'x-routing-selected': pick.id,
      'x-routing-reason': reason,
      'x-routing-complexity': complexity,
      'x-auto-baseline-model': baseline.id,
    },
  };
}
