/**
 * Example cases: the spec's own examples (media type `example`/`examples`, parameter `example`/`examples`,
 * and Schema Object `example`/`examples`), sent first. Parameters without an example take values from a
 * valid generated request, saturated with the spec's pooled values. An example that does not validate is
 * reported as a problem and not sent: a server that rejects an invalid example is right to.
 */
import type { JsonObject } from '../types.ts';
import { documentedExamples } from './example-variant.ts';
import { drawPositive } from './positive.ts';
import { paramKey, positiveProblem, type Draft, type OperationGen, type RequestValue } from './request.ts';
import { saturate } from './saturate.ts';
import { caseSeed } from './seed.ts';

/** The example drafts of an operation (none when the spec gives no example anywhere in the request). */
export function exampleDrafts(og: OperationGen, seed: number, problem: (reason: string) => void): Draft[] {
  const params = new Map<string, unknown>();
  const ctx = og.gen.context('any');
  for (const p of og.model.parameters) {
    const found = [...documentedExamples(p.object, ctx), ...documentedExamples(p.schema, ctx)];
    if (found.length > 0) params.set(paramKey(p), found[0]);
  }
  const bodies: Array<{ media: number; value: unknown }> = [];
  og.model.body?.media.forEach((m, i) => {
    for (const value of [...documentedExamples(m.object as JsonObject, ctx), ...documentedExamples(m.schema, ctx)])
      bodies.push({ media: i, value });
  });
  if (params.size === 0 && bodies.length === 0) return [];
  const base = drawPositive(og, caseSeed(seed, og.model.operation.key, 'example-base', 0));
  // Parameters without an example take the spec's pooled values where it has any, so the example stays live.
  const fill: RequestValue = 'problem' in base ? { params: {} } : saturate(og, base.value);
  const out: Draft[] = [];
  const seen = new Set<string>();
  for (const body of bodies.length > 0 ? bodies : [fill.body]) {
    const value: RequestValue = {
      params: { ...fill.params, ...Object.fromEntries(params) },
      ...(body ? { body } : {}),
    };
    const why = positiveProblem(og, value);
    if (why) {
      problem(`example does not validate, not sent: ${why}`);
      continue;
    }
    const text = JSON.stringify(value);
    if (!seen.has(text)) out.push({ value });
    seen.add(text);
  }
  return out;
}
