import { describe, expect, it } from 'vitest';
import { evaluateCondition, operands, parseCondition } from './condition.ts';
import { evaluate, ExpressionError, parseExpression, resolvePointer, type ExpressionContext } from './expressions.ts';
import { expressionsIn, interpolate } from './interpolate.ts';

const ctx: ExpressionContext = {
  url: 'http://127.0.0.1:1/v1/jobs?limit=2',
  method: 'POST',
  statusCode: 201,
  request: {
    headers: { 'idempotency-key': 'k1' },
    query: { limit: '2' },
    path: { id: 'job_1' },
    body: { input: 'hi' },
  },
  response: {
    headers: { 'x-request-id': 'req_9', 'set-cookie': ['a=1', 'b=2'], 'retry-after': '3' },
    body: { id: 'job_1', 'a/b': { 'c~d': 5 }, data: [{ id: 'm1' }, { id: 'm2' }], n: null },
  },
  inputs: { token: 'sk', customer: { name: 'Ada' } },
  outputs: { total: 7 },
  steps: { create: { outputs: { id: 'job_1', body: { usage: { total_tokens: 12 } } } } },
  workflows: { setup: { inputs: { tag: 't1' }, outputs: { key: 'sk-aig-1' } } },
};

describe('runtime expressions: each grammar production names the value the spec says', () => {
  const table: Array<[string, unknown]> = [
    ['$url', ctx.url],
    ['$method', 'POST'],
    ['$statusCode', 201],
    ['$request.header.Idempotency-Key', 'k1'],
    ['$request.query.limit', '2'],
    ['$request.path.id', 'job_1'],
    ['$request.body', { input: 'hi' }],
    ['$request.body#/input', 'hi'],
    ['$response.header.X-Request-Id', 'req_9'],
    ['$response.header.set-cookie', 'a=1, b=2'],
    ['$response.body#/id', 'job_1'],
    ['$response.body#/a~1b/c~0d', 5],
    ['$response.body#/data/1/id', 'm2'],
    ['$response.body#/data/2/id', undefined],
    ['$response.body#/data/-', undefined],
    ['$response.body#/n', null],
    ['$response.body#/missing', undefined],
    ['$inputs.token', 'sk'],
    ['$inputs.customer.name', 'Ada'],
    ['$inputs.customer#/name', 'Ada'],
    ['$outputs.total', 7],
    ['$steps.create.outputs.id', 'job_1'],
    ['$steps.create.outputs.body#/usage/total_tokens', 12],
    ['$steps.nope.outputs.id', undefined],
    ['$workflows.setup.outputs.key', 'sk-aig-1'],
    ['$workflows.setup.inputs.tag', 't1'],
  ];
  it.each(table)('%s', (text, want) => {
    expect(evaluate(parseExpression(text), ctx)).toEqual(want);
  });
});

describe('malformed expressions are rejected with the offset of the problem', () => {
  const table: Array<[string, RegExp, number]> = [
    ['$foo', /not a runtime expression/, 0],
    ['$response.bodyx', /expected header/, 10],
    ['$response.body#id', /must start with "\/"/, 15],
    ['$response.body#/a~2', /invalid escape/, 17],
    ['$request.header.a b', /not a header name/, 16],
    ['$steps.create.id', /expected \$steps/, 7],
    ['$steps.create.inputs.x', /expected \$steps/, 7],
    ['$steps.create.outputs.', /missing the outputs name/, 22],
    ['$inputs.', /missing a name/, 8],
  ];
  it.each(table)('%s', (text, message, offset) => {
    let error: unknown;
    try {
      parseExpression(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).message).toMatch(message);
    expect((error as ExpressionError).offset).toBe(offset);
  });
});

describe('interpolation', () => {
  it('a whole-string expression keeps its JSON type; embedded ones become text', () => {
    expect(
      interpolate(
        { a: '$response.body#/data', b: 'Bearer {$workflows.setup.outputs.key}', c: ['{$statusCode}'], d: 3 },
        ctx,
      ),
    ).toEqual({
      a: [{ id: 'm1' }, { id: 'm2' }],
      b: 'Bearer sk-aig-1',
      c: [201],
      d: 3,
    });
  });
  it('literal strings that merely start with $ stay literal', () => {
    expect(interpolate('$5 off', ctx)).toBe('$5 off');
    expect(interpolate('id={$response.body#/a~1b}', ctx)).toBe('id={"c~d":5}');
    expect(expressionsIn({ x: ['$inputs.a', 'n {$steps.s.outputs.o} m', '$5'] })).toEqual([
      '$inputs.a',
      '$steps.s.outputs.o',
    ]);
  });
  it('pointers into JSON text parse it first; non-JSON text has no members', () => {
    expect(resolvePointer('{"a":[1,2]}', '/a/1')).toBe(2);
    expect(resolvePointer('not json', '/a')).toBeUndefined();
  });
});

describe('conditions', () => {
  const table: Array<[string, unknown]> = [
    ['$statusCode == 201', true],
    ['$statusCode == 200', false],
    ['$statusCode==201', true],
    ['$statusCode >= 200 && $statusCode < 300', true],
    ["$statusCode != 201 || $response.body#/id == 'job_1'", true],
    ['$response.body#/missing == null', true],
    ['$response.body#/id != null', true],
    ['$response.header.retry-after > 2', true],
    ['!($statusCode == 201)', false],
    ['$outputs.total == 3 + 4', true],
    ['$outputs.total - 7 == 0', true],
    ['$steps.create.outputs.body#/usage/total_tokens + $outputs.total == 19', true],
    ['$response.body#/data == $response.body#/data', true],
    ['"job_1" == $response.body#/id', true],
    ['$response.body#/id < 3', false],
    ['true', true],
  ];
  it.each(table)('%s', (text, want) => {
    expect(evaluateCondition(parseCondition(text), ctx)).toBe(want);
  });
  it.each([
    ['$statusCode ==', /ends too early/],
    ['$statusCode == 200)', /unexpected "\)"/],
    ['($statusCode == 200', /missing "\)"/],
    ['$statusCode == ok', /quote strings/],
    ["$x == 'a", /unterminated/],
    ['$response.body#x == 1', /must start with/],
  ])('rejects %s', (text, message) => {
    expect(() => parseCondition(text)).toThrow(message);
  });
  it('operands lists what a failed condition read', () => {
    expect(operands(parseCondition('$statusCode == 200 && $response.body#/id != null'), ctx)).toEqual([
      ['$statusCode', 201],
      ['$response.body#/id', 'job_1'],
    ]);
  });
});
