import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, specFromText } from '../load/index.ts';
import { createReferenceServer } from '../reference/index.ts';
import type { Spec } from '../types.ts';
import type { Exchange, Finding, Operation } from '../types.ts';
import { runStateful, statefulPlan, type StatefulOptions } from './index.ts';
import { MAX_CHAIN_REQUESTS } from './stateful-run.ts';

const INLINE = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /pets:
    post:
      operationId: createPet
      responses:
        '201': { description: ok, content: { application/json: { schema: { type: object, properties: { petId: { type: string } } } } } }
  /pets/{petId}:
    parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
    get: { responses: { '200': { description: ok } } }
    delete: { responses: { '204': { description: gone } } }
  /owners:
    post:
      parameters: [{ name: Idempotency-Key, in: header, schema: { type: string } }]
      responses:
        '201':
          description: ok
          links:
            read: { operationId: getOwner, parameters: { oid: '$response.body#/data/key' } }
  /owners/{oid}:
    get: { operationId: getOwner, parameters: [{ name: oid, in: path, required: true, schema: { type: string } }], responses: { '200': { description: ok } } }
  /tags:
    post: { responses: { '201': { description: no id anywhere } } }
  /tags/{name}:
    get: { parameters: [{ name: name, in: path, required: true, schema: { type: string } }], responses: { '200': { description: ok } } }
`;

describe('statefulPlan', () => {
  it('infers chains from ids, prefers links, and skips resources whose id it cannot find', () => {
    const plan = statefulPlan(specFromText(INLINE));
    expect(
      plan.map((c) => [c.collection, c.source, c.idFrom, c.read?.key, c.delete?.key, c.idempotencyHeader]),
    ).toEqual([
      ['/owners', 'links', '$response.body#/data/key', 'GET /owners/{oid}', undefined, 'Idempotency-Key'],
      ['/pets', 'inferred', '$response.body#/petId', 'GET /pets/{petId}', 'DELETE /pets/{petId}', undefined],
    ]);
  });
});

describe('runStateful against the reference gateway', () => {
  let spec: Spec;
  beforeAll(async () => {
    spec = await loadSpec(path.resolve(import.meta.dirname, '../../openapi.json'));
  });
  async function walk(drift: string[], maxRequests?: number, more: Partial<StatefulOptions> = {}) {
    const gw = createReferenceServer({ key: 'sk-aig-test', drift, jobStepMs: 10 });
    const { url } = await gw.listen(0);
    try {
      return await runStateful(spec, {
        baseUrl: url,
        headers: { authorization: 'Bearer sk-aig-test' },
        seed: 3,
        ...(maxRequests !== undefined ? { maxRequests } : {}),
        ...more,
      });
    } finally {
      await gw.close();
    }
  }
  it('clean: the chains run and nothing is reported (cancel is not a delete, 202 creates are fine)', async () => {
    const r = await walk([]);
    expect(r.findings).toEqual([]);
    expect(r.chains.find((c) => c.collection === '/v1/sub-accounts')?.exchanges).toBe(4);
    expect(r.chains.find((c) => c.collection === '/v1/jobs')?.exchanges).toBe(6);
  });
  it('--max-requests: walks only the chains that surely fit, and says which were not walked', async () => {
    const all = await walk([]);
    expect(all.chains.filter((c) => c.exchanges > 0).length).toBeGreaterThan(1);
    const limit = all.chains[0]!.exchanges + MAX_CHAIN_REQUESTS - 1; // room for the first chain, not for the worst case of a second
    const r = await walk([], limit);
    expect(r.chains.filter((c) => c.exchanges > 0).map((c) => c.collection)).toEqual([all.chains[0]!.collection]);
    expect(r.exchanges.length).toBeLessThanOrEqual(limit);
    expect(r.chains.slice(1).every((c) => c.notes.includes('not walked: --max-requests would be passed'))).toBe(true);
  });
  it.each([
    [
      'use-after-free',
      'use_after_free',
      'GET /v1/sub-accounts/{id}',
      /after DELETE \/v1\/sub-accounts\/sa_\w+ answered 200/,
    ],
    [
      'idempotency-broken',
      'idempotency',
      'POST /v1/jobs',
      /replay with the same Idempotency-Key and body\nExpected: the resource created first/,
    ],
  ])('--drift %s → %s on %s', async (drift, checkId, operation, message) => {
    const r = await walk([drift]);
    expect(r.findings.map((f) => [f.checkId, f.operation])).toEqual([[checkId, operation]]);
    expect(r.findings[0]!.message).toMatch(message);
  });

  it('every exchange a chain sends is judged by the response checks, in the context of its own operation', async () => {
    const judged: string[] = [];
    const judge = (e: Exchange, op: Operation): Finding[] => {
      judged.push(`${e.case.id} ${op.key}`);
      expect(e.case.operation).toBe(op.key);
      return [];
    };
    const r = await walk([], undefined, { judge });
    expect(judged.length).toBe(r.exchanges.length);
    expect(judged.some((j) => j.endsWith('GET /v1/sub-accounts/{id}'))).toBe(true);
  });

  it('a chain whose own creates are refused starts from a create the run accepted, and says so', async () => {
    const accepted = await walk([]); // a real 2xx create of the jobs chain, as the fuzz phase would have it
    const created = accepted.exchanges.find((e) => e.case.operation === 'POST /v1/jobs' && e.response?.status === 202)!;
    const refusing: Partial<StatefulOptions> = {
      // Every create the walk sends is refused (as on an API whose unique fields the run's values already took).
      authorize: (c) => (c.method === 'POST' ? { ...c, headers: { ...c.headers, authorization: 'Bearer wrong' } } : c),
      creates: new Map([['POST /v1/jobs', [created]]]),
      seen: () => ({ requests: 40, statuses: [400, 409] }),
    };
    const r = await walk([], undefined, refusing);
    const jobs = r.chains.find((c) => c.collection === '/v1/jobs')!;
    expect(jobs.notes.join('\n')).toMatch(
      /seeded by the run's accepted create .* \(4 tried here \(401, 401, 401, 401\)\)/,
    );
    expect(r.exchanges).not.toContain(created); // adopted, not sent again
    const subs = r.chains.find((c) => c.collection === '/v1/sub-accounts')!;
    expect(subs.notes.join('\n')).toMatch(
      /no create of POST \/v1\/sub-accounts was accepted: 4 tried here \(401, 401, 401, 401\); before the chains the run sent it 40 request\(s\) \(statuses: 400, 409\)/,
    );
  });
});
