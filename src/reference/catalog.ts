/**
 * The fake model catalog. Prices are US cents per million tokens; `quality` is the Auto Router's prior
 * and `tps` the simulated speed. One model is degraded and one unavailable so `available` means something.
 */

/** One catalog entry, in the gateway's internal shape. */
export interface CatalogModel {
  id: string;
  name: string;
  modality: 'text' | 'embedding' | 'rerank';
  contextWindow: number;
  dimensions: number | null;
  inputPrice: number;
  outputPrice: number;
  quality: number;
  tps: number;
  status: 'available' | 'degraded' | 'unavailable';
  created: number;
}

const text = (
  id: string,
  name: string,
  inputPrice: number,
  outputPrice: number,
  quality: number,
  tps: number,
  status: CatalogModel['status'] = 'available',
): CatalogModel => ({
  id,
  name,
  modality: 'text',
  contextWindow: 200_000,
  dimensions: null,
  inputPrice,
  outputPrice,
  quality,
  tps,
  status,
  created: 1_760_000_000,
});

/** Every model the gateway knows, in listing order. */
export const CATALOG: readonly CatalogModel[] = [
  text('anthropic/claude-opus-4.8', 'Claude Opus 4.8', 1500, 7500, 0.95, 40),
  text('openai/gpt-5.4', 'GPT-5.4', 125, 1000, 0.92, 80),
  text('openai/gpt-5.4-mini', 'GPT-5.4 mini', 25, 200, 0.8, 150),
  text('anthropic/claude-haiku-4.5', 'Claude Haiku 4.5', 100, 500, 0.78, 170),
  text('google/gemini-3-flash', 'Gemini 3 Flash', 30, 250, 0.79, 200),
  text('meta/llama-4-70b', 'Llama 4 70B', 60, 60, 0.72, 120, 'degraded'),
  text('mistral/mistral-large-3', 'Mistral Large 3', 200, 600, 0.85, 90, 'unavailable'),
  {
    id: 'openai/text-embedding-3-small',
    name: 'text-embedding-3-small',
    modality: 'embedding',
    contextWindow: 8191,
    dimensions: 256,
    inputPrice: 2,
    outputPrice: 0,
    quality: 0.8,
    tps: 5000,
    status: 'available',
    created: 1_760_000_000,
  },
  {
    id: 'openai/text-embedding-3-large',
    name: 'text-embedding-3-large',
    modality: 'embedding',
    contextWindow: 8191,
    dimensions: 512,
    inputPrice: 13,
    outputPrice: 0,
    quality: 0.88,
    tps: 3000,
    status: 'available',
    created: 1_760_000_000,
  },
  {
    id: 'cohere/rerank-3.5',
    name: 'Rerank 3.5',
    modality: 'rerank',
    contextWindow: 4096,
    dimensions: null,
    inputPrice: 5,
    outputPrice: 0,
    quality: 0.85,
    tps: 4000,
    status: 'available',
    created: 1_760_000_000,
  },
];

/** The premium model of a modality: the Auto Router's default baseline. */
export const PREMIUM: Record<CatalogModel['modality'], string> = {
  text: 'anthropic/claude-opus-4.8',
  embedding: 'openai/text-embedding-3-large',
  rerank: 'cohere/rerank-3.5',
};

/** The catalog entry with this id, if any. */
export const findModel = (id: string): CatalogModel | undefined => CATALOG.find((m) => m.id === id);

/** A catalog entry in the contract's `Model` shape. */
export function toModelObject(m: CatalogModel): Record<string, unknown> {
  return {
    id: m.id,
    object: 'model',
    created: m.created,
    owned_by: m.id.split('/')[0],
    name: m.name,
    modality: m.modality,
    context_window: m.contextWindow,
    embedding_dimensions: m.dimensions,
    pricing: { input_cents_per_mtok: m.inputPrice, output_cents_per_mtok: m.outputPrice },
    quality: m.quality,
    status: m.status,
    available: m.status !== 'unavailable',
  };
}
