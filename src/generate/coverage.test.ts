import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specFromDocument } from '../load/index.ts';
import type { Case, JsonObject } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { coverageOf } from './coverage.ts';
import { freshCase } from './fresh-case.ts';
import { generateCases } from './generate.ts';
import { operationGen } from './request.ts';
import { specGeneration } from './spec-context.ts';

const STATUS = ['active', 'paused', 'archived', 'deleted', 'pending', 'failed', 'done'];
const document: JsonObject = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/users': {
      post: {
        operationId: 'createUser',
        parameters: [
          { name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 64 }, example: 'key-1' },
          {
            name: 'region',
            in: 'query',
            schema: { type: 'string', enum: ['eu', 'us', 'ap'] },
            examples: { a: { value: 'eu' } },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['email', 'username'],
                additionalProperties: false,
                properties: {
                  email: { type: 'string', format: 'email', example: 'ada@example.com' },
                  username: { type: 'string', pattern: '^[a-z0-9_-]{3,40}$', example: 'ada' },
                  status: { type: 'string', enum: STATUS },
                  role: { type: 'string', examples: ['admin', 'viewer'] },
                  tags: { type: 'array', maxItems: 30, items: { type: 'string', enum: ['a', 'b', 'c'] } },
                  prefs: { type: 'object', properties: { theme: { type: 'string', enum: ['light', 'dark'] } } },
                },
              },
              examples: {
                one: { value: { email: 'ada@example.com', username: 'ada', status: 'active' } },
                two: { value: { email: 'bob@example.com', username: 'bob', role: 'viewer' } },
              },
            },
          },
        },
        responses: { '201': { description: 'created' }, '409': { description: 'taken' } },
      },
    },
  },
};
const spec = specFromDocument(document, 'users.json');
const validator = createValidator(spec);
const create = spec.operations[0]!;
const positives = (seed: number, count: number): Case[] =>
  generateCases(spec, create, { kind: 'positive', count, seed, validator });

/** Every string and number sent in a case: body leaves and parameter texts. */
function sent(c: Case): Set<string> {
  const out = new Set<string>(Object.values(c.headers));
  for (const [, v] of new URLSearchParams(c.query)) out.add(v);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    else out.add(String(v));
  };
  walk(c.body);
  return out;
}

describe('law: every enum value and documented example is sent by the first positive cases', () => {
  const rounds = coverageOf(operationGen(specGeneration(spec, validator), create)).rounds;

  it('needs as many cases as the longest list, not the sum of them', () => {
    // Two whole-body examples first, then the seven statuses.
    expect(rounds).toBe(2 + STATUS.length);
  });

  it('covers them whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const cases = positives(seed, rounds);
        const all = new Set(cases.flatMap((c) => [...sent(c)]));
        for (const v of [...STATUS, 'eu', 'us', 'ap', 'admin', 'viewer', 'light', 'dark'])
          expect(all, `${v} (seed ${seed})`).toContain(v);
        const bodies = cases.map((c) => JSON.stringify(c.body));
        // Whole-body examples: sent as documented except for the fields that must be fresh.
        expect(bodies.some((b) => b.includes('"status":"active"') && b.includes('"username":"ada'))).toBe(true);
        expect(bodies.some((b) => b.includes('"role":"viewer"') && b.includes('"username":"bob'))).toBe(true);
      }),
      { numRuns: 10 },
    );
  });
});

describe('law: values that must be unique are fresh', () => {
  it('gives each case its own email, username and Idempotency-Key, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const cases = [
          ...generateCases(spec, create, { kind: 'example', count: 3, seed, validator }),
          ...positives(seed, 12),
          ...generateCases(spec, create, { kind: 'boundary', count: 10, seed, validator }),
        ];
        for (const field of ['email', 'username']) {
          const values = cases.map((c) => (c.body as JsonObject)[field]);
          expect(new Set(values).size, field).toBe(values.length);
          expect(values).not.toContain(field === 'email' ? 'ada@example.com' : 'ada');
        }
        const keys = cases.map((c) => c.headers['Idempotency-Key']).filter((k) => k !== undefined);
        expect(new Set(keys).size).toBe(keys.length);
        expect(JSON.stringify(positives(seed, 12))).toBe(JSON.stringify(positives(seed, 12)));
      }),
      { numRuns: 8 },
    );
  });

  it('freshCase gives new unique values and keeps everything else, valid', () => {
    const [c] = positives(7, 1);
    const withAuth = { ...c!, headers: { ...c!.headers, authorization: 'Bearer x' } };
    const again = freshCase(spec, withAuth, 1, validator);
    const body = again.body as JsonObject;
    const before = c!.body as JsonObject;
    expect(body.email).not.toBe(before.email);
    expect(body.username).not.toBe(before.username);
    expect(again.headers.authorization).toBe('Bearer x');
    expect(again.query).toBe(c!.query);
    expect(JSON.parse(again.bodyText!)).toEqual(body);
    expect(freshCase(spec, withAuth, 2, validator).body).not.toEqual(body);
    // With its origin (the very case generated here), the same fresh values.
    expect(freshCase(spec, c!, 1, validator).body).toEqual(body);
    const media = (document.paths as JsonObject)['/users'] as JsonObject;
    const schema = (
      (((media.post as JsonObject).requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject
    ).schema!;
    expect(validator.validateSchema(schema, body, 'request')).toEqual([]);
  });
});
