/**
 * The stateful chains inside a whole run: they walk after the exploration and before the switch operations, so a
 * sticky maintenance switch the run turns on at the end never spoils them; their requests count against
 * --max-requests, switches included.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './pipeline.ts';
import type { RunOptions } from './run-options.ts';
import { startServer, type TestServer } from './send/test-servers.ts';

const NOTE = `{type: object, required: [id], properties: {id: {type: string}, text: {type: string}}}`;
const SPEC = `
openapi: 3.0.3
info: {title: notes, version: '1'}
paths:
  /admin/maintenance:
    put:
      requestBody: {content: {application/json: {schema: {type: object, required: [enabled], properties: {enabled: {type: boolean}}}}}}
      responses: {'200': {description: set}}
  /notes:
    post:
      requestBody: {content: {application/json: {schema: {type: object, properties: {text: {type: string}}}}}}
      responses: {'201': {description: made, content: {application/json: {schema: ${NOTE}}}}}
  /notes/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {responses: {'200': {description: it, content: {application/json: {schema: ${NOTE}}}}, '404': {description: none}}}
    delete: {responses: {'204': {description: gone}, '404': {description: none}}}
`;

/** Notes in memory; once maintenance is switched on it stays on and every other request answers 503. */
function notesServer() {
  let on = false;
  let next = 0;
  const notes = new Map<string, string>();
  return startServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const json = { 'content-type': 'application/json' };
      const [, first, id] = (req.url ?? '').split('?')[0]!.split('/');
      const allow = first === 'admin' ? 'PUT' : id ? 'GET, DELETE' : 'POST';
      if (!allow.includes(req.method!)) return void res.writeHead(405, { allow }).end();
      if (first === 'admin') {
        on ||= /"enabled":\s*true/.test(body);
        return void res.writeHead(200, json).end('{}');
      }
      if (on) return void res.writeHead(503, json).end('{"error":"maintenance"}');
      if (first !== 'notes') return void res.writeHead(404).end();
      if (req.method === 'POST' && !id) {
        const note = JSON.stringify({ id: `n${++next}`, text: 'x' });
        notes.set(`n${next}`, note);
        return void res.writeHead(201, json).end(note);
      }
      const note = id && notes.get(decodeURIComponent(id));
      if (req.method === 'GET' && id)
        return void (note ? res.writeHead(200, json).end(note) : res.writeHead(404).end());
      if (req.method === 'DELETE' && id && note)
        return void (notes.delete(decodeURIComponent(id)), res.writeHead(204).end());
      res.writeHead(404).end();
    });
  });
}

let server: TestServer | undefined;
afterEach(async () => server?.close());

async function options(more: Partial<RunOptions> = {}): Promise<Partial<RunOptions>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'specgate-chains-'));
  await writeFile(path.join(dir, 'spec.yaml'), SPEC);
  const budget = { example: 1, boundary: 0, positive: 3, negative: 0 };
  return { spec: path.join(dir, 'spec.yaml'), baseUrl: server!.url, reportDir: dir, seed: 5, budget, ...more };
}

describe('stateful chains in a run with a maintenance switch', () => {
  it('walk before the switch: no chain request meets maintenance, the chain is judged, no error', async () => {
    server = await notesServer();
    const result = await run(await options());
    expect(result.notes).toContainEqual(
      expect.stringMatching(/^stateful chains: 1 planned, 1 walked and judged \(0 from/),
    );
    expect(result.findings.filter((f) => f.exchange?.response?.status === 503)).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.coverage.at(-1)!.operation).toBe('PUT /admin/maintenance');
    expect(result.coverage.at(-1)!.statusesSeen).toContain(200);
  });

  it('count against --max-requests: the switch that follows gets only what the chains left', async () => {
    server = await notesServer();
    for (const max of [10, 25]) {
      const result = await run(await options({ maxRequests: max }));
      expect(result.requests).toBeLessThanOrEqual(max);
    }
  });
});
