import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specFromDocument } from '../load/index.ts';
import type { JsonObject } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { generateCases } from './generate.ts';
import { jsonText } from './json-text.ts';
import { compileSchema } from './schema.ts';
import { specGeneration } from './spec-context.ts';

const document: JsonObject = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things': {
      post: {
        parameters: [{ name: 'offset', in: 'query', schema: { type: 'integer' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['note', 'count', 'ratio', 'items'],
                properties: {
                  note: { type: 'string' },
                  count: { type: 'integer' },
                  ratio: { type: 'number' },
                  items: { type: 'array', maxItems: 40, items: { type: 'integer', minimum: 0, maximum: 9 } },
                },
              },
            },
          },
        },
        responses: { '201': { description: 'created' } },
      },
    },
  },
};
const spec = specFromDocument(document, 'things.json');
const validator = createValidator(spec);
const op = spec.operations[0]!;
const ctx = specGeneration(spec, validator).context('any');
const bodySchema = (((document.paths as JsonObject)['/things'] as JsonObject).post as JsonObject)
  .requestBody as JsonObject;
const schema = ((bodySchema.content as JsonObject)['application/json'] as JsonObject).schema!;
const cases = generateCases(spec, op, { kind: 'positive', count: 300, seed: 11, validator });

describe('law: arrays cover their whole length range up to maxItems', () => {
  it('reaches maxItems and lengths past fast-check’s default of 10, every value valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 200 }), fc.boolean(), fc.nat(), (maxItems, unique, seed) => {
        const s = { type: 'array', maxItems, uniqueItems: unique, items: { type: 'integer' } };
        const values = fc.sample(compileSchema(s, ctx), { seed, numRuns: 120 }) as unknown[][];
        for (const v of values) expect(validator.validateSchema(s, v, 'request')).toEqual([]);
        const lengths = values.map((v) => v.length);
        expect(lengths).toContain(maxItems);
        // Lengths between: a whole range is drawn in a share of values (a narrow one may be missed by chance).
        if (maxItems >= 40) expect(lengths.some((n) => n > 10 && n < maxItems)).toBe(true);
        expect(lengths.some((n) => n <= 10)).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it('nested arrays are never all long at once: one long array per path, so sizes stay bounded', () => {
    // Inline arrays nest without a `$ref` to count depth (OpenAI's messages → parts → items): 2048³ would not fit.
    const nested = {
      type: 'array',
      maxItems: 2048,
      items: { type: 'array', maxItems: 2048, items: { type: 'integer' } },
    };
    const s = { type: 'array', maxItems: 2048, items: nested };
    const values = fc.sample(compileSchema(s, ctx), { seed: 3, numRuns: 60 }) as unknown[][][][];
    const total = (v: unknown): number =>
      Array.isArray(v) ? v.length + v.reduce((n: number, x) => n + total(x), 0) : 0;
    expect(Math.max(...values.map((v) => v.length))).toBe(256); // the long array itself still reaches its cap
    for (const v of values) expect(total(v)).toBeLessThan(256 * 12 * 12);
  });

  it('reaches maxItems in positive cases', () => {
    expect(Math.max(...cases.map((c) => (c.body as { items: unknown[] }).items.length))).toBe(40);
  });
});

describe('law: positive cases carry harsh values where the schema allows them, and stay valid', () => {
  it('every case validates', () => {
    for (const c of cases) expect(validator.validateSchema(schema, c.body, 'request')).toEqual([]);
  });

  it('a share of strings holds NUL, control characters, non-ASCII text and astral characters — not all', () => {
    const notes = cases.map((c) => (c.body as { note: string }).note);
    const share = (re: RegExp): number => notes.filter((n) => re.test(n)).length / notes.length;
    expect(share(/\u0000/)).toBeGreaterThan(0);
    expect(share(/[\u0001-\u001f\u007f]/)).toBeGreaterThan(0);
    expect(share(/[^\u0000-\u007f]/)).toBeGreaterThan(0);
    expect(share(/[\u{10000}-\u{10ffff}]/u)).toBeGreaterThan(0);
    expect(share(/^[\x20-\x7e]*$/)).toBeGreaterThan(0.5);
  });

  it('unbounded integers reach int64 edges and beyond, written with all their digits', () => {
    const counts = cases.map((c) => (c.body as { count: number }).count);
    expect(counts).toContain(2 ** 63);
    expect(counts).toContain(-(2 ** 63));
    expect(cases.some((c) => c.bodyText!.includes('"count":9223372036854775808'))).toBe(true);
    expect(cases.some((c) => c.bodyText!.includes('"count":-9223372036854775808'))).toBe(true);
    expect(cases.some((c) => /(^|&)offset=(-?9223372036854775808|18446744073709551616)(&|$)/.test(c.query))).toBe(true);
    expect(counts.filter((n) => Math.abs(n) <= 2 ** 31).length / counts.length).toBeGreaterThan(0.5);
  });

  it('unbounded numbers reach their extremes', () => {
    const ratios = cases.map((c) => (c.body as { ratio: number }).ratio);
    expect(ratios).toContain(Number.MAX_VALUE);
    expect(ratios.some((r) => r === Number.MIN_VALUE || r === -Number.MIN_VALUE || Object.is(r, -0))).toBe(true);
  });
});

describe('law: JSON text carries every number exactly', () => {
  it('reads back as the same value, and big integers keep their digits', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(2 ** 63, -(2 ** 63), 2 ** 64, -0, 1.5, 7), (v, n) => {
        const value = { v, n, list: [n, v] };
        const text = jsonText(value)!;
        const back = JSON.parse(text);
        expect(JSON.stringify(back)).toBe(JSON.stringify(value));
        if (Object.is(n, -0)) expect(Object.is(back.n, -0)).toBe(true);
        if (Math.abs(n) >= 2 ** 63) expect(text).toContain(BigInt(n).toString());
      }),
    );
  });
});
