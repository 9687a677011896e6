/**
 * The generator over the shared corpus of real specs (skipped when /work/shared/specs is absent): a bounded,
 * deterministic sample of operations per document, a few cases each. Reports the share of operations that
 * generation works for and lists the others with the reason.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDocuments } from '../lint/corpus.ts';
import { loadSpec } from '../load/index.ts';
import type { Operation } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { generate } from './generate.ts';
import { requestModel } from './operation-model.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const dir = path.resolve(repoRoot, '../shared/specs');
const present = existsSync(dir);
const files = present
  ? [
      ...readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f) && !f.includes('-fail-')),
      'digitalocean/specification/DigitalOcean-public.v2.yaml',
    ].filter((f) => existsSync(path.join(dir, f)))
  : [];
const PER_SPEC = 5;

/** Every n-th operation, so the sample spreads over the whole document and is the same every time. */
const sample = (ops: Operation[]): Operation[] =>
  ops.length <= PER_SPEC
    ? ops
    : Array.from({ length: PER_SPEC }, (_, i) => ops[Math.floor((i * ops.length) / PER_SPEC)]!);

const tally = { tried: 0, generated: 0, failures: [] as string[] };

/** The law on a sample of one document's operations: positives validate, negatives violate; counts into `tally`. */
async function checkLaw(root: string, file: string): Promise<void> {
  const spec = await loadSpec(path.join(root, file));
  const validator = createValidator(spec);
  for (const operation of sample(spec.operations.filter((o) => !o.webhook))) {
    tally.tried++;
    const positive = generate(spec, operation, { kind: 'positive', count: 2, seed: 1, validator });
    if (positive.cases.length === 0) {
      tally.failures.push(`${file} ${operation.key}: ${positive.problems[0]?.reason ?? 'no cases'}`);
      continue;
    }
    tally.generated++;
    const media = requestModel(spec, operation).body?.media ?? [];
    const schemaOf = (key?: string) => media.find((m) => m.key === key)?.schema;
    for (const c of positive.cases)
      if (c.mediaType) expect(validator.validateSchema(schemaOf(c.mediaType)!, c.body, 'request'), c.id).toEqual([]);
    for (const c of generate(spec, operation, { kind: 'negative', count: 2, seed: 1, validator }).cases) {
      const v = c.violation!;
      if (v.location.startsWith('body') && c.mediaType && !/^body is not (JSON|well-formed XML)$/.test(v.message)) {
        expect(
          validator.validateSchema(schemaOf(c.mediaType)!, c.body, 'request').length,
          `${c.id} ${v.message}`,
        ).toBeGreaterThan(0);
      }
    }
  }
}

const own = path.resolve(repoRoot, 'fixtures/corpus');
const ownFiles = corpusDocuments(own)
  .map((f) => path.relative(own, f))
  .filter((f) => !/swagger|invalid/.test(f));

describe('own corpus (fixtures/corpus)', () => {
  it.each(ownFiles)('law: positives validate and negatives fail in %s', async (file) => {
    const before = tally.failures.length;
    await checkLaw(own, file);
    expect(tally.failures.slice(before)).toEqual([]);
  });
});

describe.skipIf(!present)('corpus: /work/shared/specs', () => {
  it.each(files)('law: positives validate and negatives fail in %s', (file) => checkLaw(dir, file));

  afterAll(() => {
    const share = tally.tried === 0 ? 1 : tally.generated / tally.tried;
    console.log(
      `generate corpus: positives for ${tally.generated}/${tally.tried} sampled operations (${(share * 100).toFixed(1)}%)`,
    );
    for (const f of tally.failures) console.log(`  cannot generate: ${f}`);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});
