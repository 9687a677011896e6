/**
 * Laws of a chain over an API the exploration already changed: a chain says how it ended, its own requests carry
 * `stateful:` ids, and a create adopted from the run is not judged with the chain (the run may have deleted that
 * resource since, so "created resource not readable" would blame the API for the run's own DELETE).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import { startServer, type TestServer } from '../send/test-servers.ts';
import type { Case, Exchange } from '../types.ts';
import { runStateful } from './index.ts';

const SPEC = specFromText(`openapi: 3.0.3
info: { title: pets, version: '1' }
paths:
  /pets:
    post:
      requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
      responses:
        '201': { description: made, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
        '409': { description: taken }
  /pets/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get: { responses: { '200': { description: it }, '404': { description: none } } }
    delete: { responses: { '204': { description: gone }, '404': { description: none } } }
`);

/** Creates answer `create` (201 with a new id, or 409); every read and delete answers 404: nothing is kept. */
async function forgetfulServer(create: 201 | 409): Promise<TestServer> {
  let n = 0;
  return startServer((req, res) => {
    req.resume().on('end', () => {
      if (req.method !== 'POST') return void res.writeHead(404).end();
      if (create === 409) return void res.writeHead(409).end();
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `p${++n}` }));
    });
  });
}

/** A create the exploration had accepted (the resource it names was deleted by the run since). */
const accepted: Exchange = {
  case: { id: 'POST /pets/positive/r2.1', operation: 'POST /pets', method: 'POST', path: '/pets' } as Case,
  request: { method: 'POST', url: '/pets', headers: {} },
  response: { status: 201, headers: {}, body: '{"id":"p0"}', truncated: false, timeToFirstByteMs: 1 },
  durationMs: 1,
};

let server: TestServer | undefined;
afterEach(async () => server?.close());

describe('a chain after the exploration', () => {
  it('from its own create, judges the read right after it (an unreadable new resource is a finding)', async () => {
    server = await forgetfulServer(201);
    const r = await runStateful(SPEC, { baseUrl: server.url, seed: 1, creates: new Map([['POST /pets', [accepted]]]) });
    expect(r.chains.map((c) => c.outcome)).toEqual(['judged']);
    expect(r.exchanges.every((e) => e.case.id.startsWith('stateful:'))).toBe(true);
    expect(r.findings.map((f) => [f.checkId, f.operation])).toEqual([
      ['ensure_resource_availability', 'GET /pets/{id}'],
    ]);
  });

  it('from an adopted create, judges only what it sent itself: no verdict on a resource the run may have deleted', async () => {
    server = await forgetfulServer(409);
    const r = await runStateful(SPEC, { baseUrl: server.url, seed: 1, creates: new Map([['POST /pets', [accepted]]]) });
    expect(r.chains.map((c) => c.outcome)).toEqual(['adopted']);
    expect(r.exchanges).not.toContain(accepted);
    expect(r.exchanges.every((e) => e.case.id.startsWith('stateful:'))).toBe(true);
    expect(r.findings.filter((f) => f.checkId === 'ensure_resource_availability')).toEqual([]);
  });

  it('with no create accepted anywhere, does not start and says so', async () => {
    server = await forgetfulServer(409);
    const r = await runStateful(SPEC, { baseUrl: server.url, seed: 1 });
    expect(r.chains.map((c) => c.outcome)).toEqual(['not started']);
    expect(r.chains[0]!.notes.join()).toMatch(/no create of POST \/pets was accepted: \d tried here \(409/);
  });
});
