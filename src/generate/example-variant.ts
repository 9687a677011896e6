/**
 * Requests built from the operation's own request examples: an example is the request its authors know the
 * server accepts, so positive cases keep one and vary its optional fields (keep, take a random value, or leave
 * out), and negative and boundary cases start from it (see `exampleBase`), so the one thing changed is the
 * only reason left for a server to refuse.
 */
import fc from 'fast-check';
import type { Json, JsonObject } from '../types.ts';
import { isObject, type CompileContext } from './context.ts';
import type { MediaModel } from './operation-model.ts';
import type { SpecGeneration } from './spec-context.ts';
import { resolveNode } from './mutations.ts';

/** Example values of a node: `example`, and each `examples` entry (Example Objects, or a schema's array). */
export function documentedExamples(node: Json | undefined, ctx: CompileContext): Json[] {
  let target = node;
  for (let i = 0; i < 8 && isObject(target) && typeof target.$ref === 'string'; i++) target = ctx.resolve(target.$ref);
  if (!isObject(target)) return [];
  const out: Json[] = [];
  if ('example' in target) out.push(target.example!);
  if (Array.isArray(target.examples)) out.push(...target.examples);
  else if (isObject(target.examples)) {
    for (const entry of Object.values(target.examples)) {
      let ex: Json | undefined = entry;
      for (let i = 0; i < 8 && isObject(ex) && typeof ex.$ref === 'string'; i++) ex = ctx.resolve(ex.$ref);
      if (isObject(ex) && 'value' in ex) out.push(ex.value!);
    }
  }
  return out;
}

/** The media type's examples (its own, then its schema's) that validate against its schema, without duplicates. */
export function validExamples(gen: SpecGeneration, media: MediaModel): Json[] {
  const ctx = gen.context('any');
  const seen = new Set<string>();
  const out: Json[] = [];
  for (const value of [...documentedExamples(media.object, ctx), ...documentedExamples(media.schema, ctx)]) {
    const text = JSON.stringify(value);
    if (text === undefined || seen.has(text)) continue;
    seen.add(text);
    if ((media.kind === 'form' || media.kind === 'multipart') && !isObject(value)) continue;
    if (gen.validator.validateSchema(media.schema, value, 'request').length === 0) out.push(value);
  }
  return out;
}

/** Per key of the union of example and random value: 0 keeps the example's, 1 takes the random one, 2 leaves it out. */
const CHOICES = 24;

function variant(example: Json, random: unknown, choices: number[], required: Set<string>): unknown {
  if (!isObject(example) || !isObject(random)) return example;
  const out: Record<string, unknown> = {};
  const keys = [...Object.keys(example), ...Object.keys(random).filter((k) => !Object.hasOwn(example, k))];
  keys.forEach((k, i) => {
    const choice = choices[i] ?? 0;
    const inExample = Object.hasOwn(example, k);
    if (choice === 2 && !required.has(k)) return;
    if (choice === 1 && Object.hasOwn(random, k)) out[k] = random[k];
    else if (inExample) out[k] = example[k];
  });
  return out;
}

/**
 * Bodies of one media type: random values (half the time) and variants of its valid examples (the other
 * half). Shrinks toward the example itself. Returns `random` unchanged when the media type has no valid example.
 */
export function withExamples(
  random: fc.Arbitrary<unknown>,
  examples: Json[],
  media: MediaModel,
  ctx: CompileContext,
): fc.Arbitrary<unknown> {
  if (examples.length === 0) return random;
  const node = resolveNode(media.schema, ctx);
  const required = new Set(
    node && Array.isArray(node.required) ? node.required.filter((k): k is string => typeof k === 'string') : [],
  );
  const variants = fc
    .tuple(
      fc.constantFrom(...examples),
      random,
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: CHOICES, maxLength: CHOICES }),
    )
    .map(([example, value, choices]) => variant(example, value, choices, required));
  return fc.oneof(random, variants);
}

/** `base` with every key of `extra` it lacks, recursively for nested objects (arrays are kept as in `base`). */
export function fillFrom(base: unknown, extra: unknown): unknown {
  if (!isObject(base) || !isObject(extra)) return base;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(base)) out[k] = Object.hasOwn(extra, k) ? (fillFrom(v, extra[k]) as Json) : v;
  for (const [k, v] of Object.entries(extra)) if (!Object.hasOwn(base, k)) out[k] = v;
  return out;
}
