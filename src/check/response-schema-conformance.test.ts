import { describe, expect, it } from 'vitest';
import check from './response-schema-conformance.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';

const get = contextOf(THINGS, 'GET /things/{id}');
const thing = { id: 'a1', created: 1700000000 };

describe('response_schema_conformance', () => {
  it('reports a wrong type with a diff-shaped message and the schema location', () => {
    const [f, ...rest] = check.run(exchangeOf({ body: { ...thing, created: '2024-01-01' } }), get);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      checkId: 'response_schema_conformance',
      cause: 'body/created type',
      instancePath: '/created',
      schemaPath: '#/components/schemas/Thing/properties/created/type',
      specLocation: { file: 'openapi.yaml', pointer: '/components/schemas/Thing/properties/created' },
    });
    expect(f!.message).toMatchInlineSnapshot(`
      "Received: "created": "2024-01-01" (string)
      Documented: integer at #/components/schemas/Thing/properties/created (openapi.yaml:16:9)"
    `);
  });

  it('names a missing required property, and collapses array indices in the cause', () => {
    const list = contextOf(THINGS, 'GET /things');
    const body = [thing, { id: 'b' }, { id: 'c', created: 2, tags: [{ name: 7 }] }];
    const found = check.run(exchangeOf({ path: '/things', body, headers: { 'x-total-count': '3' } }), list);
    expect(found.map((f) => [f.cause, f.instancePath])).toEqual([
      ['body/*/created missing', '/1'],
      ['body/*/tags/*/name type', '/2/tags/0/name'],
    ]);
    expect(found[0]!.message.split('\n')[0]).toBe('Received: "created" missing');
    expect(found[1]!.message).toMatch(
      /Documented: string at #\/components\/schemas\/Tag\/properties\/name \(openapi\.yaml:\d+:\d+\)/,
    );
  });

  it('collapses the keys of a map in the cause: one drift under any key is one cause, a declared name stays', () => {
    const spec = `openapi: 3.0.3
info: {title: maps, version: '1'}
paths:
  /flags:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  envs:
                    type: object
                    properties: {prod: {$ref: '#/components/schemas/Env'}}
                    additionalProperties: {$ref: '#/components/schemas/Env'}
                  labels: {type: object, patternProperties: {'^x-': {type: string}}}
components:
  schemas:
    Env: {type: object, properties: {on: {type: boolean}}, additionalProperties: false}
`;
    const ctx = contextOf(spec, 'GET /flags');
    const cause = (body: unknown) => check.run(exchangeOf({ path: '/flags', body }), ctx).map((f) => f.cause);
    const envs = (name: string) => ({ envs: { [name]: { on: true, extra: 1 } } });
    expect(cause(envs('K59-OCt'))).toEqual(['body/envs/* properties not allowed']);
    expect(cause(envs('4_u-'))).toEqual(cause(envs('development')));
    expect(cause(envs('prod'))).toEqual(['body/envs/prod properties not allowed']);
    expect(cause({ labels: { 'x-a': 3 } })).toEqual(['body/labels/* type']);
  });

  it('reports an undeclared property where additionalProperties is false, via a */* media type', () => {
    const ctx = contextOf(THINGS, 'GET /closed');
    expect(check.run(exchangeOf({ path: '/closed', body: { a: 'x', b: 1 } }), ctx)).toMatchObject([
      { cause: 'body properties not allowed', details: ['b'] },
    ]);
  });

  it('reports every property an object may not have as one finding naming them all', () => {
    const ctx = contextOf(THINGS, 'GET /closed');
    const found = check.run(exchangeOf({ path: '/closed', body: { a: 'x', b: 1, c: 2, d: 3 } }), ctx);
    expect(found.map((f) => [f.cause, f.details])).toEqual([['body properties not allowed', ['b', 'c', 'd']]]);
    expect(found[0]!.message.split('\n')[0]).toBe('Received: 3 properties not allowed: "b", "c", "d"');
  });

  it('reports a body that is not JSON', () => {
    expect(
      check.run(exchangeOf({ body: '<html>', headers: { 'content-type': 'application/json' } }), get),
    ).toMatchObject([{ cause: 'body not JSON', severity: 'error' }]);
  });

  it('warns about an empty body where JSON is documented', () => {
    expect(check.run(exchangeOf({ body: '', headers: { 'content-type': 'application/json' } }), get)).toMatchObject([
      { cause: 'body empty', severity: 'warn' },
    ]);
  });

  it('picks the range response before default, and default when nothing else matches', () => {
    const post = contextOf(THINGS, 'POST /things');
    expect(
      check.run(exchangeOf({ method: 'POST', path: '/things', status: 500, body: { message: 5 } }), post),
    ).toMatchObject([{ cause: 'body/message type' }]);
  });

  it.each([
    ['a valid body', {}],
    ['nullable null (3.0)', { body: { ...thing, note: null } }],
    ['a missing writeOnly property (response direction)', { body: thing }],
    ['undeclared properties when additionalProperties is unspecified', { body: { ...thing, extra: true } }],
    ['a 204 with no body', { status: 204, method: 'POST', path: '/things' }],
    ['a HEAD response', { method: 'HEAD' }],
    [
      'a 404 whose response documents no content',
      { status: 404, body: 'not found', headers: { 'content-type': 'text/plain' } },
    ],
    ['an undocumented status', { status: 418, body: { teapot: true } }],
    [
      'an undocumented media type (content_type_conformance reports it)',
      { body: '<p/>', headers: { 'content-type': 'text/html' } },
    ],
    ['a truncated body', { body: '{"id": "a1", "crea', truncated: true }],
  ])('passes %s', (_, spec) => {
    const s = { body: thing, ...spec } as Parameters<typeof exchangeOf>[0];
    const ctx = s.method === 'POST' ? contextOf(THINGS, 'POST /things') : get;
    expect(check.run(exchangeOf(s), ctx)).toEqual([]);
  });

  it('says why it had nothing to check', () => {
    expect(check.applies!(exchangeOf({ status: 404 }), get)).toBe('no content documented for 404');
    expect(check.applies!(exchangeOf({ body: thing, truncated: true }), get)).toBe('body truncated at the size cap');
  });
});

describe('response_schema_conformance with a discriminator', () => {
  // Dog forbids nothing Cat has, so {kind: cat} matches both branches: JSON Schema's oneOf fails, the discriminator settles it.
  const PETS = `
openapi: 3.0.3
info: {title: pets, version: '1'}
paths:
  /pets/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {type: object, properties: {pet: {$ref: '#/components/schemas/Pet'}}}}}
components:
  schemas:
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat', dog: Dog}}
    Plain:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
    Cat: {type: object, required: [kind], properties: {kind: {type: string}, name: {type: string}}}
    Dog: {type: object, required: [kind], properties: {kind: {type: string}, bark: {type: boolean}}}
`;
  const ctx = contextOf(PETS, 'GET /pets/{id}');
  const run = (pet: unknown) => check.run(exchangeOf({ path: '/pets/1', body: { pet } }), ctx);

  it('accepts a value several branches match when the discriminator names one of them', () => {
    expect(run({ kind: 'cat', name: 'Tom' })).toEqual([]);
    expect(run({ kind: 'dog' })).toEqual([]);
  });

  it('judges a value by the branch its discriminator names, not by whichever branch it happens to fit', () => {
    // {kind: cat, name: 5} fails Cat but fits Dog, so a plain oneOf passes it: the discriminator says it is a Cat.
    expect(run({ kind: 'cat', name: 5 }).map((f) => f.cause)).toEqual(['body/pet/name type']);
    // Implicit name (no mapping entry); only Dog's error is reported, not why the value is no Cat.
    expect(run({ kind: 'Dog', bark: 'loud' }).map((f) => f.cause)).toEqual(['body/pet/bark type']);
  });

  it('still reports a oneOf the discriminator does not settle', () => {
    expect(run({ kind: 'cow' })).toMatchObject([{ cause: 'body/pet oneOf' }]);
    // Named but failing: the report is the named branch's error, not a oneOf over every branch.
    expect(run({ kind: 'cat', name: 5, bark: 'x' }).map((f) => f.cause)).toEqual(['body/pet/name type']);
  });
});

describe('response_schema_conformance over a oneOf of $ref branches', () => {
  // Through $refs ajv reports a branch's errors at the referenced schema's path, not under the oneOf.
  const ITEMS = `
openapi: 3.1.0
info: {title: items, version: '1'}
paths:
  /items:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [count]
                properties:
                  count: {type: integer}
                  output: {type: array, items: {oneOf: [{$ref: '#/components/schemas/Msg'}, {$ref: '#/components/schemas/Call'}]}}
components:
  schemas:
    Msg: {type: object, required: [type, role], properties: {type: {const: message}, role: {type: string}}}
    Call: {type: object, required: [type, name, args], properties: {type: {const: call}, name: {type: string}, args: {type: string}}}
`;
  const ctx = contextOf(ITEMS, 'GET /items');
  const run = (body: unknown) => check.run(exchangeOf({ path: '/items', body }), ctx);

  it('reports an item that matches no branch once, as the oneOf, with the branch errors as its detail', () => {
    const found = run({ count: 1, output: [{ type: 'shell' }, { type: 'message', role: 'user' }] });
    expect(found.map((f) => f.cause)).toEqual(['body/output/* oneOf']);
    expect(found[0]!.message).toMatch(/^ {2}- \/output\/0 must have required property 'role'/m);
  });

  it('keeps an error of the same object that no branch explains', () => {
    const found = run({ count: 'one', output: [{ type: 'call', name: 'f' }] });
    expect(found.map((f) => f.cause).sort()).toEqual(['body/count type', 'body/output/* oneOf']);
  });
});
