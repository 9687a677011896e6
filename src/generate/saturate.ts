/**
 * Saturation: a valid request with every named spot it carries (parameters, body properties at any depth)
 * set to its best pooled value, the spec's own most likely live value (see pooled.ts). Used for the bases
 * that negative and boundary cases start from, never for positive cases (they keep their randomness).
 */
import type { Json } from '../types.ts';
import { isObject, type CompileContext } from './context.ts';
import { documentedExamples } from './example-variant.ts';
import { resolveNode } from './mutations.ts';
import { bestPooled, propertyKin } from './pooled.ts';
import { charsetFor, paramKey, positiveProblem, type OperationGen, type RequestValue } from './request.ts';

const MAX_DEPTH = 4;

function saturateValue(value: unknown, schema: Json | undefined, ctx: CompileContext, depth: number): unknown {
  const node = depth > MAX_DEPTH ? undefined : resolveNode(schema, ctx);
  if (!node) return value;
  if (Array.isArray(value))
    return isObject(node.items) ? value.map((v) => saturateValue(v, node.items, ctx, depth + 1)) : value;
  if (!isObject(value) || !isObject(node.properties)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [k, s] of Object.entries(node.properties)) {
    if (!Object.hasOwn(out, k)) continue;
    const best = bestPooled(k, s, ctx, [], propertyKin(k, node.properties));
    out[k] = best ? best.value : saturateValue(out[k], s, ctx, depth + 1);
  }
  return out;
}

/** `value` with every present named spot (parameter, body property) set to its best pooled value, if still valid. */
export function saturate(og: OperationGen, value: RequestValue): RequestValue {
  const params = { ...value.params };
  for (const p of og.model.parameters) {
    const key = paramKey(p);
    if (!(key in params) || p.contentType) continue;
    const ctx = og.gen.context(charsetFor(p));
    const best = bestPooled(p.name, p.schema, ctx, documentedExamples(p.object, ctx));
    if (best) params[key] = best.value;
  }
  const body = value.body && {
    media: value.body.media,
    value: saturateValue(value.body.value, og.model.body!.media[value.body.media]!.schema, og.gen.context('any'), 0),
  };
  const out: RequestValue = { params, ...(body ? { body } : {}) };
  return positiveProblem(og, out) ? value : out;
}
