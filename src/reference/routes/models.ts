/** GET /v1/models and GET /v1/models/{id}: the catalog. */
import { CATALOG, findModel, toModelObject } from '../catalog.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Handler } from '../types.ts';
import { page, pageParams } from './common.ts';

export const listModels: Handler = (ctx) => {
  const [limit, after] = pageParams(ctx, 100);
  if (ctx.drift('rejects-valid') && limit > 10) throw badRequest('invalid_parameter', 'limit: must be <= 10', 'limit');
  const { modality, provider, available } = ctx.query as { modality?: string; provider?: string; available?: boolean };
  const models = CATALOG.filter((m) => modality === undefined || m.modality === modality)
    .filter((m) => provider === undefined || m.id.startsWith(`${provider}/`))
    .filter((m) => available === undefined || (m.status !== 'unavailable') === available)
    .map((m) => toModelObject(m) as { id: string });
  return { status: 200, body: page(models, limit, after) };
};

export const getModel: Handler = (ctx) => {
  const model = findModel(ctx.params.id!);
  if (!model) throw notFound('model', ctx.params.id!);
  const body = toModelObject(model);
  if (ctx.drift('wrong-type')) body.created = String(body.created);
  return { status: 200, body };
};
