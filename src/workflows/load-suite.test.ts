import { describe, expect, it } from 'vitest';
import { HarnessError } from '../errors.ts';
import { specFromText } from '../load/index.ts';
import { parseSuite } from './load-suite.ts';
import { stepOperation } from './request.ts';

const head = `arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: api, url: ./openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
`;
const ok = `      - stepId: a
        operationId: getThing
        successCriteria:
          - condition: $statusCode == 200
`;

function error(text: string): HarnessError {
  try {
    parseSuite(text, 'x.arazzo.yaml');
  } catch (e) {
    if (e instanceof HarnessError) return e;
    throw e;
  }
  throw new Error('expected SUITE_INVALID');
}

describe('unsupported or malformed Arazzo is SUITE_INVALID at file:line:col, never skipped', () => {
  const table: Array<[string, string, RegExp, string]> = [
    [
      'unknown step field',
      `${ok}        retries: 3\n`,
      /"retries" is not a field specgate supports/,
      'x.arazzo.yaml:12:9',
    ],
    [
      'unknown specgate extension',
      `${ok}        x-specgate-loop: 3\n`,
      /unknown specgate extension "x-specgate-loop"/,
      'x.arazzo.yaml:12:9',
    ],
    [
      'xpath criterion',
      `${ok}          - { condition: /a, context: $response.body, type: xpath }\n`,
      /criterion type "xpath" is not supported/,
      'x.arazzo.yaml:12:55',
    ],
    [
      'unsupported jsonpath',
      `${ok}          - { condition: '$..a', context: $response.body, type: jsonpath }\n`,
      /unsupported JSONPath syntax/,
      'x.arazzo.yaml:12:15',
    ],
    [
      'bad condition',
      `      - stepId: a\n        operationId: getThing\n        successCriteria:\n          - condition: $statusCode = 200\n`,
      /unexpected "=".*\(at character 13\)/,
      'x.arazzo.yaml:11:13',
    ],
    [
      'bad expression in outputs',
      `${ok}        outputs:\n          id: $response.body#id\n`,
      /runtime expression "\$response.body#id"/,
      'x.arazzo.yaml:8:9',
    ],
    [
      'parameter reference',
      `      - stepId: a\n        operationId: getThing\n        parameters:\n          - reference: $components.parameters.page\n`,
      /reusable parameter references/,
      'x.arazzo.yaml:11:13',
    ],
    [
      'two targets',
      `      - stepId: a\n        operationId: getThing\n        workflowId: w\n`,
      /exactly one of operationId/,
      'x.arazzo.yaml:8:9',
    ],
    [
      'goto to nowhere',
      `${ok}        onSuccess:\n          - { name: g, type: goto, stepId: nope }\n`,
      /goto target step "nope"/,
      'x.arazzo.yaml:13:36',
    ],
    [
      'retry on success',
      `${ok}        onSuccess:\n          - { name: r, type: retry }\n`,
      /success action type must be one of end, goto/,
      'x.arazzo.yaml:13:24',
    ],
    ['duplicate step', `${ok}${ok}`, /duplicate stepId "a"/, 'x.arazzo.yaml:12:9'],
  ];
  it.each(table)('%s', (_name, steps, message, location) => {
    const e = error(head + steps);
    expect(e.code).toBe('SUITE_INVALID');
    expect(e.message).toMatch(message);
    expect(e.location).toBe(location);
  });

  it.each([
    ['arazzo 2', head.replace('1.0.1', '2.0.0') + ok, /arazzo version "2.0.0" is not supported/],
    ['arazzo source', head.replace('type: openapi', 'type: arazzo') + ok, /source type "arazzo" is not supported/],
    ['components', `${head}${ok}components:\n  inputs: {}\n`, /components.inputs is not supported/],
    [
      'dependsOn another source',
      head.replace('    steps:', '    dependsOn: [$sourceDescriptions.other.w2]\n    steps:') + ok,
      /points into another source/,
    ],
    [
      'inputs $ref',
      head.replace('    steps:', "    inputs: { $ref: '#/components/inputs/x' }\n    steps:") + ok,
      /inputs with \$ref/,
    ],
    ['not YAML', 'arazzo: [', /YAML/],
  ])('%s', (_name, text, message) => {
    const e = error(text);
    expect(e.code).toBe('SUITE_INVALID');
    expect(e.message).toMatch(message);
    expect(e.location).toMatch(/^x\.arazzo\.yaml(:\d+:\d+)?$/);
  });

  it('an operationId the spec lacks is SUITE_INVALID at the step, listing what exists', () => {
    const spec = specFromText(
      'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /things:\n    get: { operationId: listThings, responses: { "200": { description: ok } } }\n',
    );
    const suite = parseSuite(head + ok, 'x.arazzo.yaml');
    expect(() => stepOperation(spec, suite, suite.workflows[0]!.steps[0]!)).toThrow(
      /step a: operationId "getThing" is not in .* \(operationIds: listThings\)/,
    );
  });

  it('a valid suite keeps its shape', () => {
    const suite = parseSuite(
      `${head}${ok}        onFailure:\n          - { name: poll, type: retry, retryAfter: 0.5, retryLimit: 3, criteria: [{ condition: $statusCode == 202 }] }\n`,
      'x.arazzo.yaml',
    );
    const step = suite.workflows[0]!.steps[0]!;
    expect(step.onFailure).toMatchObject([{ type: 'retry', retryAfter: 0.5, retryLimit: 3 }]);
    expect(step.successCriteria[0]!.type).toBe('simple');
    expect(suite.where(step.pointer)).toBe('x.arazzo.yaml:8:9');
  });
});
