/**
 * Valid requests that other cases start from. A negative case must be a request the server would otherwise
 * accept, so its one violation is the only reason left to refuse; a boundary case likewise keeps every other
 * field live while it pushes one to its edge. The best base is the operation's own example request; the next
 * best a generated one with every named spot set to its best pooled value ("saturated").
 */
import { fillFrom } from './example-variant.ts';
import { exampleDrafts } from './examples.ts';
import { drawPositive } from './positive.ts';
import { positiveProblem, type OperationGen, type RequestValue } from './request.ts';
import { saturate } from './saturate.ts';
import { caseSeed } from './seed.ts';

/** A valid base request, with the fast-check context when it is exactly a generated value (so it can shrink). */
export interface Base {
  value: RequestValue;
  context?: unknown;
}

const examples = new WeakMap<OperationGen, Map<number, RequestValue | null>>();

/** The operation's example request (its first valid one), other parameters saturated; cached per seed. */
export function exampleRequest(og: OperationGen, seed: number): RequestValue | undefined {
  let bySeed = examples.get(og);
  if (!bySeed) examples.set(og, (bySeed = new Map()));
  if (!bySeed.has(seed)) bySeed.set(seed, exampleDrafts(og, seed, () => undefined)[0]?.value ?? null);
  return bySeed.get(seed) ?? undefined;
}

/** Bases in order of preference; `at(n)` is undefined where that base does not apply (no optional spot to fill). */
export interface BaseSequence {
  /** The operation's example request, when it has a valid one (`at(0)` then). */
  example?: RequestValue;
  count: number;
  at(n: number): Base | { problem: string } | undefined;
}

const same = (a: RequestValue, b: RequestValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Lazily drawn bases for one case: the example request, the example with the optional spots it lacks filled
 * from a saturated generated request, then saturated generated requests. `label` and `index` pick the draws.
 */
export function baseSequence(og: OperationGen, seed: number, label: string, index: number): BaseSequence {
  const key = og.model.operation.key;
  const example = exampleRequest(og, seed);
  const drawn: Array<Base | { problem: string }> = [];
  const draw = (k: number): Base | { problem: string } => {
    if (drawn[k]) return drawn[k]!;
    const d = drawPositive(og, caseSeed(seed, key, `${label}-base-${k}`, index));
    if ('problem' in d) return (drawn[k] = d);
    const value = saturate(og, d.value);
    return (drawn[k] = same(value, d.value) ? { value, context: d.context } : { value });
  };
  const filled = (): Base | { problem: string } | undefined => {
    const r = draw(0);
    if ('problem' in r || !example) return undefined;
    const value: RequestValue = {
      params: { ...r.value.params, ...example.params },
      ...(example.body
        ? {
            body:
              example.body.media === r.value.body?.media
                ? { media: example.body.media, value: fillFrom(example.body.value, r.value.body.value) }
                : example.body,
          }
        : {}),
    };
    return positiveProblem(og, value) || same(value, example) ? undefined : { value };
  };
  const order: Array<() => Base | { problem: string } | undefined> = example
    ? [() => ({ value: example }), filled, () => draw(0), () => draw(1), () => draw(2)]
    : [() => draw(0), () => draw(1), () => draw(2)];
  return { ...(example ? { example } : {}), count: order.length, at: (n) => order[n]?.() };
}
