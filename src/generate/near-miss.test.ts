import { describe, expect, it } from 'vitest';
import { specFromDocument } from '../load/index.ts';
import type { JsonObject } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { generateCases } from './generate.ts';

const schema: JsonObject = {
  type: 'object',
  required: ['status', 'shape'],
  properties: {
    status: { type: 'string', enum: ['active', 'paused'] },
    shape: {
      oneOf: [
        {
          type: 'object',
          required: ['kind', 'radius'],
          additionalProperties: false,
          properties: { kind: { const: 'circle' }, radius: { type: 'integer', minimum: 1, maximum: 10 } },
        },
        {
          type: 'object',
          required: ['kind', 'sides'],
          additionalProperties: false,
          properties: {
            kind: { const: 'polygon' },
            sides: { type: 'array', minItems: 3, maxItems: 5, items: { type: 'string', maxLength: 4 } },
          },
        },
      ],
    },
  },
};
const spec = specFromDocument(
  {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/shapes': {
        post: {
          requestBody: { required: true, content: { 'application/json': { schema } } },
          responses: { '201': { description: 'created' } },
        },
      },
    },
  },
  'shapes.json',
);
const validator = createValidator(spec);

describe('law: negative cases reach inside composition branches and nested arrays, with near misses', () => {
  const cases = [1, 2, 3].flatMap((seed) =>
    generateCases(spec, spec.operations[0]!, { kind: 'negative', count: 60, seed, validator }),
  );
  const where = new Set(cases.map((c) => `${c.violation!.location}#${c.violation!.keyword}`));

  it('every negative case violates the schema', () => {
    // (A missing or malformed body is a violation of the request, not of the body schema.)
    for (const c of cases.filter((x) => x.violation!.location !== 'body'))
      expect(validator.validateSchema(schema, c.body, 'request').length).toBeGreaterThan(0);
  });

  it('mutates inside oneOf members, at depth', () => {
    expect(where).toContain('body.shape.radius#maximum');
    expect(where).toContain('body.shape.sides#maxItems');
    expect(where).toContain('body.shape.sides[0]#maxLength');
  });

  it('sends an enum value in another letter case', () => {
    expect(cases.some((c) => (c.body as JsonObject | undefined)?.status === 'Active')).toBe(true);
  });
});
