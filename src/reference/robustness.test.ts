/**
 * Law: whatever arrives — arbitrary JSON bodies, arbitrary query values, arbitrary path ids, bad bytes —
 * the gateway never answers 5xx in clean mode, and every answer still conforms to the contract
 * (mostly documented 400/404 `Error` bodies). Property-based with fast-check, fixed seed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIFTS, createReferenceServer, type ReferenceServer } from './index.ts';
import { ROUTES } from './routes/index.ts';
import { loadSpec } from './spec.ts';
import { Conformance, call } from './test-support.ts';

const judge = new Conformance();
const doc = loadSpec();
let gw: ReferenceServer;
let base = '';
beforeAll(async () => {
  gw = createReferenceServer({ jobStepMs: 5 });
  base = (await gw.listen(0)).url;
});
afterAll(() => gw.close());

/** Names of the query parameters an operation declares. */
function queryNames(path: string, method: string): string[] {
  const params: any[] = doc.paths[path]?.[method.toLowerCase()]?.parameters ?? [];
  return params
    .map((p) => judge.schemas.resolve(p))
    .filter((p) => p.in === 'query')
    .map((p) => p.name);
}

/** Random requests to `route` at `url`: never 5xx, always conforming. */
async function fuzz(url: () => string, route: (typeof ROUTES)[number], numRuns: number): Promise<void> {
  const names = queryNames(route.path, route.method);
  const query = names.length
    ? fc.dictionary(
        fc.constantFrom(...names),
        fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('true', '101', '-1', '2026-02-30')),
      )
    : fc.constant({});
  await fc.assert(
    fc.asyncProperty(
      fc.jsonValue({ maxDepth: 3 }),
      query,
      fc.string({ minLength: 1, maxLength: 12 }),
      async (body, q, id) => {
        const path = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        const search = new URLSearchParams(q as Record<string, string>).toString();
        const hasBody = route.method === 'POST' || route.method === 'PATCH';
        const answer = await call(url(), route.method, `${path}${search ? `?${search}` : ''}`, hasBody ? { body } : {});
        expect(answer.status).toBeLessThan(500);
        expect(judge.problems(route.method, route.path, answer)).toEqual([]);
      },
    ),
    { numRuns, seed: 20260101 },
  );
}

describe('robustness', () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.path} never answers 5xx and always conforms`, () => fuzz(() => base, route, 15));
  }

  it.each([
    ['invalid UTF-8 in a JSON body', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['a JSON scalar', '42'],
    ['JSON null', 'null'],
    ['an empty object', '{}'],
  ] as Array<[string, string | Uint8Array]>)('answers %s with a documented 4xx', async (_name, raw) => {
    const answer = await call(base, 'POST', '/v1/chat/completions', { raw });
    expect(answer.status).toBe(400);
    expect(judge.problems('POST', '/v1/chat/completions', answer)).toEqual([]);
  });

  it('answers an empty body on a required-body operation with 400, and bad percent-encoding with 404', async () => {
    expect((await call(base, 'POST', '/v1/jobs', { raw: '' })).status).toBe(400);
    expect((await call(base, 'GET', '/v1/jobs/%E0%A4%A')).status).toBe(404);
  });
});

describe('drifts stay on their own operation', () => {
  let all: ReferenceServer;
  let allBase = '';
  beforeAll(async () => {
    all = createReferenceServer({ jobStepMs: 5, drift: ['all'] });
    allBase = (await all.listen(0)).url;
  });
  afterAll(() => all.close());
  const drifted = new Set(DRIFTS.map((d) => d.operationId));
  for (const route of ROUTES.filter((r) => !drifted.has(r.operationId))) {
    it(`with --drift all, ${route.method} ${route.path} still conforms`, () => fuzz(() => allBase, route, 5));
  }
});
