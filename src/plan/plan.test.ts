import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { specFromText } from '../load/index.ts';
import { buildPlan, type PlanOptions } from './plan.ts';
import { formatStatuses } from './policy.ts';
import { inShard, parseShard } from './shard.ts';

const spec = specFromText(`
openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /v1/models:
    get: { operationId: listModels, tags: [Models], responses: { '200': { description: ok }, '401': { description: no } } }
  /v1/models/{id}:
    get: { operationId: getModel, tags: [Models], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { '200': { description: ok } } }
    delete: { operationId: deleteModel, tags: [Models], parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { '204': { description: gone } } }
  /v1/chat:
    post: { operationId: chat, tags: [Chat], responses: { '200': { description: ok }, '4XX': { description: bad } } }
`);
const available = [
  { id: 'a', defaultSeverity: 'error' as const },
  { id: 'b', defaultSeverity: 'warn' as const },
];
const keys = (o: Partial<PlanOptions>) =>
  buildPlan(spec, { available, ...o }, 1).operations.map((p) => p.operation.key);

describe('operation selection', () => {
  const table: Array<[string, Partial<PlanOptions>, string[]]> = [
    ['everything by default', {}, ['GET /v1/models', 'GET /v1/models/{id}', 'DELETE /v1/models/{id}', 'POST /v1/chat']],
    ['--read-only', { readOnly: true }, ['GET /v1/models', 'GET /v1/models/{id}']],
    ['tag', { include: ['tag:models'] }, ['GET /v1/models', 'GET /v1/models/{id}', 'DELETE /v1/models/{id}']],
    ['method', { include: ['POST'] }, ['POST /v1/chat']],
    ['path glob', { include: ['/v1/models*'] }, ['GET /v1/models', 'GET /v1/models/{id}', 'DELETE /v1/models/{id}']],
    ['method + glob', { include: ['DELETE /v1/*'] }, ['DELETE /v1/models/{id}']],
    ['operationId, comma list', { include: ['chat,listModels'] }, ['GET /v1/models', 'POST /v1/chat']],
    ['exclude wins', { include: ['tag:Models'], exclude: ['id:delete*'] }, ['GET /v1/models', 'GET /v1/models/{id}']],
  ];
  it.each(table)('%s', (_n, options, want) => expect(keys(options)).toEqual(want));

  it('says why each operation was skipped', () => {
    const plan = buildPlan(spec, { available, readOnly: true, exclude: ['listModels'] }, 1);
    expect(plan.skipped.map((s) => [s.operation.key, s.reason])).toEqual([
      ['GET /v1/models', 'excluded by --exclude listModels'],
      ['DELETE /v1/models/{id}', 'excluded by --read-only (DELETE)'],
      ['POST /v1/chat', 'excluded by --read-only (POST)'],
    ]);
  });
});

describe('checks and policies', () => {
  it('unknown check ids fail with the list of valid ones', () => {
    expect(() => buildPlan(spec, { available, checks: ['a,nope'] }, 1)).toThrow(
      /unknown check "nope"; valid checks: all, a, b/,
    );
  });
  it('selects checks in list order with their severities; off drops a check', () => {
    expect(buildPlan(spec, { available }, 1).checks).toEqual([
      { id: 'a', severity: 'error' },
      { id: 'b', severity: 'warn' },
    ]);
    expect(buildPlan(spec, { available, checks: ['b'], severities: { b: 'error' } }, 1).checks).toEqual([
      { id: 'b', severity: 'error' },
    ]);
    expect(buildPlan(spec, { available, severities: { a: 'off' } }, 1).checks.map((c) => c.id)).toEqual(['b']);
  });
  it('rejected = documented 4xx plus defaults; accepted = 2xx', () => {
    const [list, , , chat] = buildPlan(spec, { available }, 1).operations;
    expect(formatStatuses(list!.policy.rejected)).toBe('400-401, 404-406, 409, 413-415, 422, 431');
    expect(formatStatuses(chat!.policy.rejected)).toBe('400-499');
    expect(formatStatuses(list!.policy.accepted)).toBe('200-299');
  });
});

describe('configured status policies', () => {
  it('an operation\'s own policy (operationId or "METHOD /path") wins over "*", which wins over the defaults', () => {
    const policies = {
      '*': { accepted: [200, 202] },
      chat: { rejected: [400, 422] },
      'DELETE /v1/models/{id}': { accepted: [204] },
    };
    const ops = buildPlan(spec, { available, policies }, 1).operations;
    expect(ops.map((o) => [o.operation.key, o.policy.source, o.policy.accepted.join(',')])).toEqual([
      ['GET /v1/models', 'policies["*"]', '200,202'],
      ['GET /v1/models/{id}', 'policies["*"]', '200,202'],
      ['DELETE /v1/models/{id}', 'policies["DELETE /v1/models/{id}"]', '204'],
      ['POST /v1/chat', 'policies["chat"]', ops[3]!.policy.accepted.join(',')],
    ]);
    expect(ops[3]!.policy.rejected).toEqual([400, 422]);
  });
  it('a policy key that names no operation is refused, not silently ignored', () => {
    expect(() => buildPlan(spec, { available, policies: { listModel: { accepted: [200] } } }, 1)).toThrow(
      /policies name no operation of the spec: "listModel"/,
    );
  });
});

describe('sharding', () => {
  it('every operation lands in exactly one shard, and seeds do not depend on sharding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.string(),
        (n, key) =>
          Array.from({ length: n }, (_, i) => inShard(key, { index: i + 1, count: n })).filter(Boolean).length === 1,
      ),
    );
    const all = buildPlan(spec, { available }, 42).operations;
    const parts = [1, 2, 3].flatMap(
      (i) => buildPlan(spec, { available, shard: { index: i, count: 3 } }, 42).operations,
    );
    expect(parts.map((p) => [p.operation.key, p.seed]).sort()).toEqual(
      all.map((p) => [p.operation.key, p.seed]).sort(),
    );
  });
  it.each(['0/3', '4/3', '1', 'a/b', '1/0'])('rejects --shard %j', (s) =>
    expect(() => parseShard(s)).toThrow(/--shard/),
  );
});
