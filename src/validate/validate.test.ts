import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import { createValidator } from './index.ts';

const doc30 = `
openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Pet:
      type: object
      required: [id, name, secret]
      properties:
        id: {type: integer, format: int32, readOnly: true}
        name: {type: string, nullable: true, minLength: 1}
        secret: {type: string, writeOnly: true}
        age: {type: number, minimum: 0, exclusiveMinimum: true}
        owner:
          nullable: true
          allOf: [{$ref: '#/components/schemas/Owner'}]
        kind: {type: string, enum: [cat, dog], nullable: true}
        vet: {$ref: '#/components/schemas/Owner', nullable: true, description: ignored}
    Owner:
      type: object
      required: [name]
      properties: {name: {type: string}}
    Weird:
      type: string
      pattern: '^[\\w\\-]+$'
    Self:
      oneOf:
        - {type: string}
        - $ref: '#/components/schemas/Self'
`;

const spec = specFromText(doc30, 'pets.yaml');
const validator = createValidator(spec);
const PET = '/components/schemas/Pet';
const keywords = (value: unknown, direction: 'request' | 'response') =>
  validator.validate(PET, value, direction).map((e) => `${e.instancePath}:${e.keyword}`);

describe('OpenAPI 3.0 semantics on a 2020-12 validator', () => {
  it.each<[string, unknown, 'request' | 'response', string[]]>([
    ['readOnly id is not required in a request', { name: 'a', secret: 's' }, 'request', []],
    ['writeOnly secret is not required in a response', { id: 1, name: 'a' }, 'response', []],
    ['readOnly id is still required in a response', { name: 'a' }, 'response', [':required']],
    ['nullable with a type admits null', { id: 1, name: null }, 'response', []],
    ['nullable enum admits null', { id: 1, name: 'a', kind: null }, 'response', []],
    ['nullable allOf admits null', { id: 1, name: 'a', owner: null }, 'response', []],
    [
      'nullable allOf still checks a non-null value',
      { id: 1, name: 'a', owner: {} },
      'response',
      ['/owner:type', '/owner:required', '/owner:anyOf'],
    ],
    [
      'nullable beside a $ref admits null in a response (what such specs mean)',
      { id: 1, name: 'a', vet: null },
      'response',
      [],
    ],
    [
      'nullable beside a $ref still checks a non-null value',
      { id: 1, name: 'a', vet: {} },
      'response',
      ['/vet:required', '/vet:type', '/vet:anyOf'],
    ],
    [
      'nullable beside a $ref is ignored in a request, as 3.0 says of $ref siblings',
      { name: 'a', secret: 's', vet: null },
      'request',
      ['/vet:type'],
    ],
    [
      'boolean exclusiveMinimum excludes the bound',
      { id: 1, name: 'a', age: 0 },
      'response',
      ['/age:exclusiveMinimum'],
    ],
    ['int32 is range-checked', { id: 2 ** 31, name: 'a' }, 'response', ['/id:format']],
    ['a wrong type is reported with its instance path', { id: 'x', name: 'a' }, 'response', ['/id:type']],
  ])('%s', (_name, value, direction, want) => {
    expect(keywords(value, direction)).toEqual(want);
  });

  it('a pattern that is invalid in unicode mode still validates (non-unicode fallback)', () => {
    expect(validator.validate('/components/schemas/Weird', 'a-b_c', 'response')).toEqual([]);
    expect(validator.validate('/components/schemas/Weird', 'a b', 'response').map((e) => e.keyword)).toEqual([
      'pattern',
    ]);
  });

  it('a schema that recurses on the same value judges nothing instead of crashing', () => {
    expect(validator.validate('/components/schemas/Self', 42, 'response')).toEqual([]);
    expect(validator.compileProblem('/components/schemas/Self')).toMatch(/cannot be evaluated/);
  });

  it('validateSchema accepts the document’s own schema objects and fresh schemas that reference them', () => {
    const owner = spec.get('/components/schemas/Owner')!;
    expect(validator.validateSchema(owner, {}, 'response').map((e) => e.keyword)).toEqual(['required']);
    const fresh = { type: 'array', items: { $ref: '#/components/schemas/Owner' } };
    expect(validator.validateSchema(fresh, [{ name: 'x' }], 'response')).toEqual([]);
    expect(validator.validateSchema(fresh, [{}], 'response').map((e) => e.instancePath)).toEqual(['/0']);
  });

  it('an unknown pointer validates nothing and says why', () => {
    expect(validator.validate('/components/schemas/Nope', 1, 'response')).toEqual([]);
    expect(validator.compileProblem('/components/schemas/Nope')).toMatch(/no schema/);
  });
});

describe('OpenAPI 3.1 documents keep JSON Schema 2020-12 meaning', () => {
  const spec31 = specFromText(`
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Item:
      type: object
      properties:
        tags: {type: array, prefixItems: [{const: first}], items: {type: string}}
        note: {type: [string, 'null']}
      unevaluatedProperties: false
`);
  const v = createValidator(spec31);
  it.each<[unknown, string[]]>([
    [{ tags: ['first', 'x'], note: null }, []],
    [{ tags: ['second'] }, ['const']],
    [{ extra: 1 }, ['unevaluatedProperties']],
  ])('%j → %j', (value, want) => {
    expect(v.validate('/components/schemas/Item', value, 'response').map((e) => e.keyword)).toEqual(want);
  });
});

describe('a oneOf whose branches give more errors than are kept', () => {
  it('still reports the oneOf (ajv lists it after its branches), so its branch errors can be folded into it', () => {
    const branches = Array.from({ length: 12 }, (_, i) => ({
      type: 'object',
      required: [`a${i}`, `b${i}`, `c${i}`],
      properties: { kind: { const: `k${i}` } },
    }));
    const v = createValidator(
      specFromText(JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} }), 'x.json'),
    );
    const errors = v.validateSchema({ oneOf: branches }, { kind: 'other' }, 'response');
    expect(errors.length).toBeGreaterThan(20);
    expect(errors.at(-1)!.keyword).toBe('oneOf');
  });
});
