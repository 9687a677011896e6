/**
 * Laws for every lint rule: a fixture that breaks the rule yields exactly the expected report (message, pointer,
 * and the line marked `# <-` in the fixture), and a fixture that respects it yields none from that rule.
 */
import { describe, expect, it } from 'vitest';
import { specFromText } from '../../load/index.ts';
import { lintSpec } from '../index.ts';
import { rules } from './index.ts';

interface Case {
  rule: string;
  bad: string;
  message: RegExp;
  pointer: string;
  good: string;
}

const head = (version = '3.1.0') => `openapi: ${version}\ninfo: {title: t, version: '1'}\n`;
const ok = `responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}, '400': {description: bad}}`;

const cases: Case[] = [
  {
    rule: 'spec-structure',
    bad: `${head()}paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok, contnet: {}}  # <-\n`,
    message: /Field "contnet" is not allowed in a Response Object/,
    pointer: '/paths/~1a/get/responses/200/contnet',
    good: `${head()}paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n`,
  },
  {
    rule: 'operation-id-missing',
    bad: `${head()}paths:\n  /a:\n    get:  # <-\n      ${ok}\n`,
    message: /GET \/a has no operationId/,
    pointer: '/paths/~1a/get',
    good: `${head()}paths:\n  /a:\n    get:\n      operationId: a\n      ${ok}\n`,
  },
  {
    rule: 'operation-id-duplicate',
    bad: `${head()}paths:\n  /a:\n    get: {operationId: x, ${ok.slice(0)}}\n  /b:\n    get:\n      operationId: x  # <-\n      ${ok}\n`,
    message: /operationId "x" of GET \/b is already used by GET \/a/,
    pointer: '/paths/~1b/get/operationId',
    good: `${head()}paths:\n  /a:\n    get: {operationId: x, ${ok}}\n  /b:\n    get: {operationId: y, ${ok}}\n`,
  },
  {
    rule: 'path-param-undeclared',
    bad: `${head()}paths:\n  /a/{id}:\n    get:  # <-\n      ${ok}\n`,
    message: /GET \/a\/\{id\} does not declare path parameter "id"/,
    pointer: '/paths/~1a~1{id}/get',
    good: `${head()}paths:\n  /a/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n    get:\n      ${ok}\n`,
  },
  {
    rule: 'path-param-unused',
    bad: `${head()}paths:\n  /a:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}  # <-\n      ${ok}\n`,
    message: /Path parameter "id" is not in the path template "\/a"/,
    pointer: '/paths/~1a/get/parameters/0',
    good: `${head()}paths:\n  /a/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      ${ok}\n`,
  },
  {
    rule: 'path-template-collision',
    bad: `${head()}paths:\n  /a/{x}: {}\n  /a/{y}: {}  # <-\n`,
    message: /Path "\/a\/\{y\}" is the same path as "\/a\/\{x\}"/,
    pointer: '/paths/~1a~1{y}',
    good: `${head()}paths:\n  /a/{x}: {}\n  /a/b: {}\n  /a/{x}/c: {}\n`,
  },
  {
    rule: 'parameter-duplicate',
    bad: `${head()}paths:\n  /a:\n    get:\n      parameters:\n        - {name: X-Id, in: header, schema: {type: string}}\n        - {name: x-id, in: header, schema: {type: string}}  # <-\n      ${ok}\n`,
    message: /Parameter "x-id" \(in header\) is declared twice/,
    pointer: '/paths/~1a/get/parameters/1',
    good: `${head()}paths:\n  /a:\n    get:\n      parameters:\n        - {name: id, in: header, schema: {type: string}}\n        - {name: id, in: query, schema: {type: string}}\n      ${ok}\n`,
  },
  {
    rule: 'server-url-invalid',
    bad: `${head()}servers:\n  - url: https://{region}.example.com  # <-\npaths: {}\n`,
    message: /uses \{region\} but the server defines no variable "region"/,
    pointer: '/servers/0/url',
    good: `${head()}servers:\n  - url: https://{region}.example.com/v1\n    variables: {region: {default: eu, enum: [eu, us]}}\n  - url: /relative\npaths: {}\n`,
  },
  {
    rule: 'security-scheme-undefined',
    bad: `${head()}security:\n  - apiKey: []  # <-\npaths: {}\ncomponents: {securitySchemes: {bearer: {type: http, scheme: bearer}}}\n`,
    message: /names "apiKey", which is not defined in components.securitySchemes \(defined: bearer\)/,
    pointer: '/security/0/apiKey',
    good: `${head()}security:\n  - bearer: []\n  - {}\npaths: {}\ncomponents: {securitySchemes: {bearer: {type: http, scheme: bearer}}}\n`,
  },
  {
    rule: 'response-schema-missing',
    bad: `${head()}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json: {}  # <-\n`,
    message: /Response 200 of GET \/a declares application\/json content without a schema/,
    pointer: '/paths/~1a/get/responses/200/content/application~1json',
    good: `${head()}paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok, content: {application/octet-stream: {}, text/plain: {}}}\n        '204': {description: none}\n`,
  },
  {
    rule: 'response-content-missing',
    bad: `${head()}paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}  # <-\n`,
    message: /Response 200 of GET \/a declares no content/,
    pointer: '/paths/~1a/get/responses/200',
    good: `${head()}paths:\n  /a:\n    post:\n      responses:\n        '200': {description: ok}\n    delete:\n      responses:\n        '204': {description: gone}\n`,
  },
  {
    rule: 'operation-4xx-missing',
    bad: `${head()}paths:\n  /a:\n    get:\n      responses:  # <-\n        '200': {description: ok}\n`,
    message: /GET \/a documents no 4xx or default response/,
    pointer: '/paths/~1a/get/responses',
    good: `${head()}paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}, 4XX: {description: client error}}\n    put:\n      responses: {default: {description: error}}\n`,
  },
  {
    rule: 'response-header-content-type',
    bad: `${head()}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            Content-Type: {schema: {type: string}}  # <-\n`,
    message: /declares a "Content-Type" header, which OpenAPI ignores/,
    pointer: '/paths/~1a/get/responses/200/headers/Content-Type',
    good: `${head()}paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok, headers: {X-Rate-Limit: {schema: {type: integer}}}}\n`,
  },
  {
    rule: 'schema-3-0-keyword',
    bad: `${head()}paths: {}\ncomponents:\n  schemas:\n    A:\n      type: string\n      nullable: true  # <-\n`,
    message:
      /"nullable" is an OpenAPI 3.0 keyword and is ignored in a 3.1.0 document, so null is rejected here; use type: \["string", "null"\]/,
    pointer: '/components/schemas/A/nullable',
    good: `${head('3.0.3')}paths: {}\ncomponents:\n  schemas:\n    A: {type: string, nullable: true, minimum: 1, exclusiveMinimum: true}\n`,
  },
  {
    rule: 'ref-siblings-ignored',
    bad: `${head('3.0.3')}paths: {}\ncomponents:\n  schemas:\n    A: {type: string}\n    B:\n      properties:\n        a:\n          $ref: '#/components/schemas/A'\n          nullable: true  # <-\n`,
    message: /"nullable" next to \$ref is ignored in OpenAPI 3.0/,
    pointer: '/components/schemas/B/properties/a/nullable',
    good: `${head('3.0.3')}paths: {}\ncomponents:\n  schemas:\n    A: {type: string}\n    B:\n      properties:\n        a: {$ref: '#/components/schemas/A', description: fine}\n        b: {allOf: [{$ref: '#/components/schemas/A'}], nullable: true}\n`,
  },
  {
    rule: 'format-type-mismatch',
    bad: `${head()}paths: {}\ncomponents:\n  schemas:\n    A:\n      type: integer\n      format: date-time  # <-\n`,
    message: /format "date-time" does not apply to type integer \(it applies to string\)/,
    pointer: '/components/schemas/A/format',
    good: `${head()}paths: {}\ncomponents:\n  schemas:\n    A: {type: string, format: int64}\n    B: {type: [string, 'null'], format: date-time}\n    C: {type: string, format: my-custom}\n`,
  },
  {
    rule: 'pattern-invalid',
    bad: `${head()}paths: {}\ncomponents:\n  schemas:\n    A:\n      type: string\n      pattern: '[a-'  # <-\n`,
    message: /pattern "\[a-" is not a valid regular expression: .*Unterminated character class/,
    pointer: '/components/schemas/A/pattern',
    good: `${head()}paths: {}\ncomponents:\n  schemas:\n    A: {type: string, pattern: '^\\p{L}+$'}\n`,
  },
  {
    rule: 'required-property-undefined',
    bad: `${head()}paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties: {name: {type: string}}\n      required:\n        - nmae  # <-\n`,
    message: /"nmae" is required but not defined in properties/,
    pointer: '/components/schemas/A/required/0',
    good: `${head()}paths: {}\ncomponents:\n  schemas:\n    Base: {type: object, properties: {id: {type: string}}}\n    A:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n        - {properties: {name: {type: string}}, required: [id, name]}\n    B: {properties: {a: {}}, patternProperties: {'^x_': {}}, required: [x_1]}\n    C: {properties: {a: {}}, additionalProperties: {type: string}, required: [b]}\n    D: {required: [anything]}\n`,
  },
  {
    rule: 'read-only-required-in-request',
    bad: `${head()}paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              properties: {id: {type: string, readOnly: true}}\n              required:\n                - id  # <-\n      ${ok}\n`,
    message: /"id" is readOnly but required in a schema used only by request bodies/,
    pointer: '/paths/~1a/post/requestBody/content/application~1json/schema/required/0',
    good: `${head()}paths:\n  /a:\n    post:\n      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}\ncomponents:\n  schemas:\n    Pet: {properties: {id: {type: string, readOnly: true}}, required: [id]}\n`,
  },
  {
    rule: 'enum-duplicate',
    bad: `${head()}paths: {}\ncomponents:\n  schemas:\n    A:\n      enum:\n        - a\n        - a  # <-\n`,
    message: /enum value "a" is listed more than once/,
    pointer: '/components/schemas/A/enum/1',
    good: `${head()}paths: {}\ncomponents:\n  schemas:\n    A: {enum: [a, b, 1, '1']}\n`,
  },
  {
    rule: 'enum-invalid',
    bad: `${head()}paths: {}\ncomponents:\n  schemas:\n    A:\n      type: string\n      enum:\n        - a\n        - 1  # <-\n`,
    message: /enum value 1 does not match its schema: must be string/,
    pointer: '/components/schemas/A/enum/1',
    good: `${head('3.0.3')}paths: {}\ncomponents:\n  schemas:\n    A: {type: string, nullable: true, enum: [a, null]}\n`,
  },
  {
    rule: 'default-invalid',
    bad: `${head()}paths: {}\ncomponents:\n  schemas:\n    A:\n      type: integer\n      minimum: 1\n      default: 0  # <-\n`,
    message: /default does not match its schema: must be >= 1/,
    pointer: '/components/schemas/A/default',
    good: `${head()}paths: {}\ncomponents:\n  schemas:\n    A: {anyOf: [{type: integer}, {type: 'null'}], default: null}\n    B: {type: object, properties: {a: {type: string}}, default: {a: x}}\n`,
  },
  {
    rule: 'example-invalid',
    bad: `${head()}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {n: {type: integer}}}\n              example:\n                n: two  # <-\n`,
    message: /example does not match its schema: at \/n: must be integer/,
    pointer: '/paths/~1a/get/responses/200/content/application~1json/example/n',
    good: `${head()}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json: {schema: {type: object, properties: {n: {type: integer}}}, example: {n: 2}}\n            text/csv: {schema: {type: object}, example: 'a,b'}\n`,
  },
  {
    rule: 'component-unused',
    bad: `${head()}paths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Used'}}}}}\ncomponents:\n  schemas:\n    Used: {type: object}\n    Orphan: {type: object}  # <-\n`,
    message: /schema "Orphan" is never referenced/,
    pointer: '/components/schemas/Orphan',
    good: `${head()}paths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}\ncomponents:\n  schemas:\n    Pet: {oneOf: [{$ref: '#/components/schemas/Dog'}], discriminator: {propertyName: kind, mapping: {cat: Cat}}}\n    Dog: {type: object}\n    Cat: {type: object}\n`,
  },
];

function markedLine(text: string): number {
  return text.split('\n').findIndex((l) => l.includes('# <-')) + 1;
}

describe('lint rules', () => {
  it('every rule has a case, and every case names a rule', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(rules.map((r) => r.id).sort());
  });

  it.each(cases.map((c) => [c.rule, c] as const))('%s reports the broken fixture at the marked line', (id, c) => {
    const problems = lintSpec(specFromText(c.bad)).filter((p) => p.rule === id);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem!.message).toMatch(c.message);
    expect(problem!.pointer).toBe(c.pointer);
    expect(problem!.line).toBe(markedLine(c.bad));
    expect(problem!.severity).toBe(rules.find((r) => r.id === id)!.defaultSeverity);
  });

  it.each(cases.map((c) => [c.rule, c] as const))('%s stays silent on the fixture that respects it', (id, c) => {
    expect(lintSpec(specFromText(c.good)).filter((p) => p.rule === id)).toEqual([]);
  });

  it('severity overrides turn rules off or change their level', () => {
    const c = cases.find((x) => x.rule === 'operation-id-missing')!;
    expect(
      lintSpec(specFromText(c.bad), { rules: { 'operation-id-missing': 'off' } }).some((p) => p.rule === c.rule),
    ).toBe(false);
    expect(
      lintSpec(specFromText(c.bad), { rules: { 'operation-id-missing': 'error' } }).find((p) => p.rule === c.rule)
        ?.severity,
    ).toBe('error');
  });
});
