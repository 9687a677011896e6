import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import type { Json, JsonObject } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { deepVerdict } from './deep-check.ts';

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

/** Any JSON value, small, using the property names the schemas above know. */
const anyValue = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -2, max: 5 }),
    fc.string({ maxLength: 4 }),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('name', 'tags', 'owner', 'age', 'id', 'vip', 'x'), tie('v'), { maxKeys: 4 }),
  ),
})).v;

describe('deepVerdict decides only what the real validator decides the same way', () => {
  it.each([
    ['Pet', { name: 'rex', tags: ['a'], owner: { id: 1, vip: true }, age: null }],
    ['Owner', { id: 1, vip: true }],
    ['Mixed', [1, 2]],
  ])('%s %j is certainly valid', (name, value) => {
    expect(deepVerdict(spec.get(`/components/schemas/${name}`)!, value as Json, resolve)).toBeNull();
  });

  it.each([
    ['Pet', { tags: [] }, "must have required property 'name'", ''],
    ['Pet', { name: '' }, 'must NOT have fewer than 1 characters', '/name'],
    ['Pet', { name: 'rex', extra: 1 }, 'must NOT have additional properties', ''],
    ['Pet', { name: 'rex', tags: ['toolong'] }, 'must NOT have more than 3 characters', '/tags/0'],
    ['Owner', { id: 1, vip: 'yes' }, 'must be boolean', '/vip'],
    ['Owner', 'not an object', 'must be object', ''],
    ['Mixed', 'neither', 'must match a schema in anyOf', ''],
  ])('%s %j is certainly invalid: %s at %j', (name, value, message, path) => {
    expect(deepVerdict(spec.get(`/components/schemas/${name}`)!, value as Json, resolve)).toEqual({ path, message });
  });

  it('law: "valid" means ajv finds no error, "invalid" means it finds one', () => {
    let decided = 0;
    fc.assert(
      fc.property(fc.constantFrom(...names), anyValue, (name, v) => {
        const pointer = `/components/schemas/${name}`;
        const verdict = deepVerdict(spec.get(pointer)!, v, resolve);
        if (verdict === undefined) return;
        decided++;
        const errors = validator.validate(pointer, v, 'response');
        if (verdict === null) expect(errors).toEqual([]);
        else expect(errors).not.toEqual([]);
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(decided).toBeGreaterThan(1000); // the law must actually be exercised
  });
});
