import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import type { Case, Operation } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { generate, generateCases } from './generate.ts';
import { kinOf } from './pooled.ts';
import { operationGen } from './request.ts';
import { shrinkCase } from './shrink.ts';
import { specGeneration } from './spec-context.ts';
import { streamSwitches } from './stream-switch.ts';
import { valuePool } from './value-pool.ts';

const text = `
openapi: 3.1.0
info: { title: pool, version: '1' }
paths:
  /chat:
    post:
      operationId: chat
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/ChatRequest' }
            examples:
              basic: { value: { model: live-chat, messages: [{ role: user, content: hi }] } }
      responses:
        '200':
          description: ok
          content:
            application/json: { schema: { type: object } }
            text/event-stream: { schema: { type: string } }
  /embed:
    post:
      operationId: embed
      parameters:
        - { name: Idempotency-Key, in: header, required: true, schema: { type: string, minLength: 8, maxLength: 40 }, example: fixed-key-0001 }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/EmbedRequest' }
            example: { model: live-embed, input: some text }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object } } } }
  /things/{thingId}:
    get:
      operationId: getThing
      parameters:
        - { name: thingId, in: path, required: true, schema: { type: string, minLength: 1 }, example: thing_1 }
        - { name: owner, in: query, required: true, schema: { type: string, minLength: 1 } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object }
              example: { id: thing_1, owner: acme }
components:
  schemas:
    ChatRequest:
      type: object
      additionalProperties: false
      required: [messages]
      properties:
        model: { type: string, minLength: 1, maxLength: 64, examples: [live-chat] }
        baseline_model: { type: string, minLength: 1, maxLength: 64 }
        messages:
          type: array
          minItems: 1
          items:
            type: object
            required: [role, content]
            properties:
              role: { type: string, enum: [user, system] }
              content: { type: string, minLength: 1 }
        stream: { type: boolean }
        max_tokens: { type: integer, minimum: 1, maximum: 100 }
    EmbedRequest:
      type: object
      additionalProperties: false
      required: [input]
      properties:
        model: { type: string, minLength: 1, maxLength: 64 }
        input: { type: string, minLength: 1 }
        stream: { type: boolean }
        dimensions: { type: integer, minimum: 1, maximum: 4096 }
`;
const spec = specFromText(text, 'pool.yaml');
const validator = createValidator(spec);
const op = (id: string): Operation => spec.operations.find((o) => o.operationId === id)!;
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const body = (c: Case): Record<string, unknown> => c.body as Record<string, unknown>;
const cases = (id: string, kind: 'positive' | 'negative' | 'boundary', count: number, seeds = SEEDS): Case[] =>
  seeds.flatMap((seed) => generateCases(spec, op(id), { kind, count, seed, validator }));

describe('value pool', () => {
  it('indexes example, default and enum values by name and by the schema node they document', () => {
    const pool = valuePool(spec);
    expect(pool.byName.get('model')).toEqual(expect.arrayContaining(['live-chat', 'live-embed']));
    expect(pool.byName.get('owner')).toEqual(['acme']); // from a response example
    expect(pool.byName.get('thingid')).toEqual(['thing_1']); // a parameter's own example
    const embedModel = (spec.get('/components/schemas/EmbedRequest/properties/model') as object)!;
    expect(pool.byNode.get(embedModel)).toEqual(['live-embed']); // the media type example, on the property it fills
  });

  it.each([
    ['baseline_model', ['model', 'messages'], 'model'],
    ['billingAddress', ['address', 'name'], 'address'],
    ['model', ['model', 'baseline_model'], undefined],
    ['modelling', ['model'], undefined],
  ])('kinOf(%s) among %j is %s', (name, siblings, want) => {
    expect(kinOf(name, siblings)).toBe(want);
  });
});

describe('law: named spots mostly take the spec values, and randomness is kept', () => {
  const share = (values: unknown[], hit: unknown): number => values.filter((v) => v === hit).length / values.length;

  it('a body property takes its own documented value most of the time, never another endpoint one', () => {
    const models = cases('embed', 'positive', 10)
      .map((c) => body(c).model)
      .filter((m) => m !== undefined);
    expect(share(models, 'live-embed')).toBeGreaterThanOrEqual(0.6);
    expect(share(models, 'live-embed')).toBeLessThan(1);
    expect(models).not.toContain('live-chat');
  });

  it('a qualified sibling borrows the documented values of the field it qualifies (baseline_model ← model)', () => {
    const baselines = cases('chat', 'positive', 10)
      .map((c) => body(c).baseline_model)
      .filter((m) => m !== undefined);
    expect(baselines).toContain('live-chat');
  });

  it('path parameters take their example and query parameters a value the spec gives their name elsewhere', () => {
    const got = cases('getThing', 'positive', 10);
    expect(
      share(
        got.map((c) => c.path),
        '/things/thing_1',
      ),
    ).toBeGreaterThanOrEqual(0.6);
    expect(
      share(
        got.map((c) => new URLSearchParams(c.query).get('owner')),
        'acme',
      ),
    ).toBeGreaterThanOrEqual(0.6);
  });

  it('an idempotency key is never reused from the spec (every request after the first would be a replay)', () => {
    for (const c of cases('embed', 'positive', 10)) expect(c.headers['Idempotency-Key']).not.toBe('fixed-key-0001');
  });

  it('positive cases vary the request example: some keep it whole, some add or drop optional fields', () => {
    const bodies = cases('embed', 'positive', 10).map((c) => JSON.stringify(c.body));
    expect(bodies).toContain(JSON.stringify({ model: 'live-embed', input: 'some text' }));
    expect(new Set(bodies).size).toBeGreaterThan(bodies.length / 3);
  });
});

describe('law: negative cases start from the example request, most important violations first', () => {
  it('the first negative cases are the missing required fields, whatever the seed', () => {
    for (const seed of SEEDS) {
      const got = generateCases(spec, op('embed'), { kind: 'negative', count: 3, seed, validator }).map(
        (c) => `${c.violation!.location}#${c.violation!.keyword}`,
      );
      expect(got).toEqual(['header.Idempotency-Key#required', 'body#required', 'body.input#required']);
    }
  });

  it('a missing required property is removed from the example itself, nothing else changed', () => {
    const removed = cases('embed', 'negative', 8).filter(
      (c) => c.violation!.location === 'body.input' && c.violation!.keyword === 'required',
    );
    expect(removed.length).toBeGreaterThan(0);
    for (const c of removed) expect(c.body).toEqual({ model: 'live-embed' });
  });

  it('every other top-level field of a body negative keeps the example value', () => {
    const example: Record<string, unknown> = { model: 'live-embed', input: 'some text' };
    for (const c of cases('embed', 'negative', 12).filter((x) => /^body\.\w+$/.test(x.violation!.location))) {
      const spot = c.violation!.location.slice('body.'.length);
      for (const [k, v] of Object.entries(example)) if (k !== spot && k in body(c)) expect(body(c)[k]).toEqual(v);
    }
  });
});

describe('law: a stream switch is exercised both ways', () => {
  it('is detected only where a 2xx response declares text/event-stream', () => {
    const gen = specGeneration(spec, validator);
    expect(streamSwitches(operationGen(gen, op('chat')))).toEqual([{ media: 0, property: 'stream' }]);
    expect(streamSwitches(operationGen(gen, op('embed')))).toEqual([]);
  });

  it('positive cases alternate stream on (even) and off (odd)', () => {
    for (const seed of SEEDS) {
      const got = generateCases(spec, op('chat'), { kind: 'positive', count: 4, seed, validator }).map(
        (c) => body(c).stream,
      );
      expect(got).toEqual([true, false, true, false]);
    }
  });

  it('a shrunk positive case keeps its stream switch and stays valid', async () => {
    for (const seed of [1, 2, 3]) {
      const [c] = generateCases(spec, op('chat'), { kind: 'positive', count: 1, seed, validator });
      const small = await shrinkCase(c!, async () => true, { maxAttempts: 50 });
      expect(body(small).stream).toBe(true);
      expect(validator.validateSchema(spec.get('/components/schemas/ChatRequest')!, small.body, 'request')).toEqual([]);
    }
  });

  it('the first boundary cases set it on and off on the live example request', () => {
    for (const seed of SEEDS) {
      const [on, off] = generateCases(spec, op('chat'), { kind: 'boundary', count: 2, seed, validator });
      expect(body(on!)).toMatchObject({ model: 'live-chat', stream: true });
      expect(body(off!)).toMatchObject({ model: 'live-chat', stream: false });
    }
  });
});

describe('determinism with the pool', () => {
  it('law: the same seed gives byte-identical output', () => {
    const all = (seed: number) =>
      JSON.stringify(
        spec.operations.flatMap((o) =>
          (['example', 'boundary', 'positive', 'negative'] as const).map((kind) =>
            generate(spec, o, { kind, count: 6, seed, validator }),
          ),
        ),
      );
    expect(all(5)).toBe(all(5));
    const fresh = specFromText(text, 'pool.yaml');
    const again = JSON.stringify(
      fresh.operations.flatMap((o) =>
        (['example', 'boundary', 'positive', 'negative'] as const).map((kind) =>
          generate(fresh, o, { kind, count: 6, seed: 5 }),
        ),
      ),
    );
    expect(again).toBe(all(5));
  });
});
