import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import type { Json, JsonObject } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { deepCheck, deepVerdict } from './deep-check.ts';

const spec = specFromText(`
openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string, minLength: 1}
        tags: {type: array, items: {type: string, maxLength: 3}, maxItems: 2}
        owner: {$ref: '#/components/schemas/Owner'}
        age: {type: integer, minimum: 0, nullable: true}
      additionalProperties: false
    Owner:
      type: object
      properties: {id: {type: integer}}
      additionalProperties: {type: boolean}
    Mixed:
      anyOf: [{$ref: '#/components/schemas/Owner'}, {type: array, items: {type: number}}]
`);
const validator = createValidator(spec);
const resolve = (node: Json) => spec.deref<JsonObject>(node).value;
const names = ['Pet', 'Owner', 'Mixed'];

describe('deepCheck only ever vouches for values the real validator accepts', () => {
  it.each([
    ['Pet', { name: 'rex', tags: ['a'], owner: { id: 1, vip: true }, age: null }, null],
    ['Pet', { name: '' }, undefined],
    ['Pet', { name: 'rex', extra: 1 }, undefined],
    ['Owner', { id: 1, vip: 'yes' }, undefined],
    ['Mixed', [1, 2], null],
  ])('%s %j → %s', (name, value, want) => {
    expect(deepCheck(spec.get(`/components/schemas/${name}`)!, value as Json, resolve)).toBe(want);
  });

  it.each([
    ['Pet', { tags: [] }, "must have required property 'name'", ''],
    ['Pet', { name: 'rex', extra: 1 }, 'must NOT have additional properties', ''],
    ['Pet', { name: 'rex', tags: ['toolong'] }, 'must NOT have more than 3 characters', '/tags/0'],
    ['Owner', 'not an object', 'must be object', ''],
    ['Mixed', 'neither', 'must match a schema in anyOf', ''],
  ])('%s %j is certainly invalid: %s at %j', (name, value, message, path) => {
    expect(deepVerdict(spec.get(`/components/schemas/${name}`)!, value as Json, resolve)).toEqual({ path, message });
  });

  it('law: a definite error from deepVerdict is an error for ajv too', () => {
    const value = fc.letrec<{ v: Json }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer({ min: -2, max: 5 }), fc.string({ maxLength: 4 }),
        fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'tags', 'owner', 'age', 'id', 'vip', 'x'), tie('v'), { maxKeys: 4 })),
    })).v;
    fc.assert(fc.property(fc.constantFrom(...names), value, (name, v) => {
      const pointer = `/components/schemas/${name}`;
      const verdict = deepVerdict(spec.get(pointer)!, v, resolve);
      if (verdict) expect(validator.validate(pointer, v, 'response')).not.toEqual([]);
    }), { numRuns: 2000, seed: 11 });
  });

  it('law: deepCheck(value) === null implies ajv finds no error', () => {
    const value = fc.letrec<{ v: Json }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer({ min: -2, max: 5 }), fc.string({ maxLength: 4 }),
        fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'tags', 'owner', 'age', 'id', 'vip', 'x'), tie('v'), { maxKeys: 4 })),
    })).v;
    fc.assert(fc.property(fc.constantFrom(...names), value, (name, v) => {
      const pointer = `/components/schemas/${name}`;
      if (deepCheck(spec.get(pointer)!, v, resolve) === null) expect(validator.validate(pointer, v, 'response')).toEqual([]);
    }), { numRuns: 2000, seed: 7 });
  });
});
