/**
 * Example cases: the spec's own examples (media type `example`/`examples`, parameter `example`/`examples`,
 * and Schema Object `example`/`examples`), sent first. Parameters without an example take values from a
 * valid generated request. An example that does not validate is reported as a problem and not sent: a
 * server that rejects an invalid example is right to.
 */
import type { Json, JsonObject } from '../types.ts';
import { isObject } from './context.ts';
import { drawPositive } from './positive.ts';
import { paramKey, positiveProblem, type Draft, type OperationGen, type RequestValue } from './request.ts';
import { caseSeed } from './seed.ts';

/** Values of `example` and of each `examples` entry of an object (Example Objects or, for schemas, an array). */
function examplesOf(og: OperationGen, node: Json | undefined): unknown[] {
  const ctx = og.gen.context('any');
  let target = node;
  for (let i = 0; i < 8 && isObject(target) && typeof target.$ref === 'string'; i++) target = ctx.resolve(target.$ref);
  if (!isObject(target)) return [];
  const out: unknown[] = [];
  if ('example' in target) out.push(target.example);
  if (Array.isArray(target.examples)) out.push(...target.examples);
  else if (isObject(target.examples)) {
    for (const entry of Object.values(target.examples)) {
      let ex: Json | undefined = entry as Json;
      for (let i = 0; i < 8 && isObject(ex) && typeof ex.$ref === 'string'; i++) ex = ctx.resolve(ex.$ref);
      if (isObject(ex) && 'value' in ex) out.push(ex.value);
    }
  }
  return out;
}

/** The example drafts of an operation (none when the spec gives no example anywhere in the request). */
export function exampleDrafts(og: OperationGen, seed: number, problem: (reason: string) => void): Draft[] {
  const params = new Map<string, unknown>();
  for (const p of og.model.parameters) {
    const found = [...examplesOf(og, p.object), ...examplesOf(og, p.schema)];
    if (found.length > 0) params.set(paramKey(p), found[0]);
  }
  const bodies: Array<{ media: number; value: unknown }> = [];
  og.model.body?.media.forEach((m, i) => {
    for (const value of [...examplesOf(og, m.object as JsonObject), ...examplesOf(og, m.schema)]) bodies.push({ media: i, value });
  });
  if (params.size === 0 && bodies.length === 0) return [];
  const base = drawPositive(og, caseSeed(seed, og.model.operation.key, 'example-base', 0));
  const fill: RequestValue = 'problem' in base ? { params: {} } : base.value;
  const out: Draft[] = [];
  const seen = new Set<string>();
  for (const body of bodies.length > 0 ? bodies : [fill.body]) {
    const value: RequestValue = { params: { ...fill.params, ...Object.fromEntries(params) }, ...(body ? { body } : {}) };
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
