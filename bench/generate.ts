/**
 * Generation speed: microseconds per generated case, for every operation of openapi.json and a deterministic
 * sample of operations of a few big corpus specs (when /work/shared/specs exists). "cold" is the first batch
 * of an operation (schema compilation included), "warm" the next batches; the target is well under 1 ms
 * (1000 µs) per typical warm request. Run: `node --import tsx bench/generate.ts [--count 20] [--per-spec 40]`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../src/generate/index.ts';
import { loadSpec } from '../src/load/index.ts';
import type { CaseKind, Operation, Spec } from '../src/types.ts';
import { createValidator } from '../src/validate/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, '../shared/specs');
const { values } = parseArgs({
  options: { count: { type: 'string', default: '20' }, 'per-spec': { type: 'string', default: '40' } },
});
const COUNT = Number(values.count);
const PER_SPEC = Number(values['per-spec']);
const KINDS: CaseKind[] = ['positive', 'negative', 'boundary'];
const BIG = [
  'openai-openapi.yaml',
  'stripe-spec3.json',
  'github-api.github.com.3.0.json',
  'kubernetes-1.35-api__v1_openapi.json',
  'adyen-CheckoutService-v71.json',
];

const sample = (ops: Operation[]): Operation[] =>
  ops.length <= PER_SPEC
    ? ops
    : Array.from({ length: PER_SPEC }, (_, i) => ops[Math.floor((i * ops.length) / PER_SPEC)]!);

const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

function bench(name: string, spec: Spec): void {
  const validator = createValidator(spec);
  const ops = sample(spec.operations.filter((o) => !o.webhook));
  const perKind = new Map<CaseKind, { cold: number; coldCases: number; warm: number[] }>();
  for (const kind of KINDS) perKind.set(kind, { cold: 0, coldCases: 0, warm: [] });
  for (const operation of ops) {
    for (const kind of KINDS) {
      const stats = perKind.get(kind)!;
      let t = performance.now();
      const first = generate(spec, operation, { kind, count: COUNT, seed: 1, validator }).cases.length;
      stats.cold += performance.now() - t;
      stats.coldCases += first;
      t = performance.now();
      const n =
        generate(spec, operation, { kind, count: COUNT, seed: 2, validator }).cases.length +
        generate(spec, operation, { kind, count: COUNT, seed: 3, validator }).cases.length;
      if (n > 0) stats.warm.push(((performance.now() - t) * 1000) / n);
    }
  }
  for (const [kind, s] of perKind) {
    const coldUs = s.coldCases ? ((s.cold * 1000) / s.coldCases).toFixed(0) : '-';
    console.log(
      `${name.padEnd(42)} ${kind.padEnd(9)} ops ${String(ops.length).padStart(3)}  cold ${coldUs.padStart(6)} µs/case  warm p50 ${quantile(s.warm, 0.5).toFixed(0).padStart(5)} µs/case  p95 ${quantile(s.warm, 0.95).toFixed(0).padStart(6)} µs/case`,
    );
  }
}

const own = path.join(root, 'openapi.json');
if (existsSync(own)) bench('openapi.json', await loadSpec(own));
for (const file of BIG) {
  const p = path.join(corpus, file);
  if (existsSync(p)) bench(file, await loadSpec(p));
}
