/** Laws of the workflow runner on a tiny node:http API: retry, goto, dependsOn, foreach, generate, embedded expressions. */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import { parseSuite, runSuite } from './index.ts';

const dir = path.resolve(import.meta.dirname, '../../fixtures/suites');
const spec = specFromText(await readFile(path.join(dir, 'items.openapi.yaml'), 'utf8'), 'items.openapi.yaml');
const suite = parseSuite(await readFile(path.join(dir, 'items.arazzo.yaml'), 'utf8'), 'items.arazzo.yaml');

/** The items API: an item becomes ready on its `readyAfter`-th read; `whoamiStatus` lets a test plant drift. */
function itemsApi(o: { readyAfter: number; whoamiStatus?: number }): Server {
  const items = new Map<string, { id: string; status: string; name: string; size: number; reads: number }>();
  return createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c));
    req.on('end', () => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const url = new URL(req.url!, 'http://x');
      if (req.method === 'POST' && url.pathname === '/items') {
        const b = JSON.parse(text) as { name: string; size: number };
        const item = { id: `item_${items.size + 1}`, status: 'pending', name: b.name, size: b.size, reads: 0 };
        items.set(item.id, item);
        return json(201, { id: item.id, status: item.status, name: item.name, size: item.size });
      }
      if (url.pathname === '/items') return json(200, { data: [...items.values()].map(({ reads: _r, ...i }) => i) });
      if (url.pathname === '/whoami') return json(o.whoamiStatus ?? 200, { caller: req.headers['x-caller'] });
      const item = items.get(decodeURIComponent(url.pathname.slice('/items/'.length)));
      if (!item) return json(404, {});
      if (++item.reads >= o.readyAfter) item.status = 'ready';
      const { reads: _r, ...view } = item;
      return json(200, view);
    });
  });
}

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));
async function run(o: { readyAfter: number; whoamiStatus?: number }) {
  server = itemsApi(o);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return runSuite(spec, suite, { baseUrl, seed: 11, inputs: { name: 'widget' } });
}
const byId = (r: Awaited<ReturnType<typeof run>>) =>
  Object.fromEntries(r.steps.map((s) => [`${s.workflowId}/${s.stepId}`, s]));

describe('runSuite', () => {
  it('polls with retry until ready, follows goto, resolves embedded expressions, then runs the dependent workflow', async () => {
    const r = await run({ readyAfter: 3 });
    const steps = byId(r);
    expect(r.findings).toEqual([]);
    expect(r.workflows.map((w) => [w.workflowId, w.status])).toEqual([
      ['lifecycle', 'passed'],
      ['each', 'passed'],
    ]);
    expect(steps['lifecycle/poll']).toMatchObject({ status: 'passed', attempts: 3 });
    expect(steps['lifecycle/skip-me']).toBeUndefined(); // jumped over by goto
    expect(steps['lifecycle/who']!.exchanges[0]!.request.headers['x-caller']).toBe('caller-item_1');
    // x-specgate-generate: a schema-valid body, with the payload merged over it.
    const body = JSON.parse(steps['lifecycle/create']!.exchanges[0]!.request.body!);
    expect(body.name).toBe('widget');
    expect(Number.isInteger(body.size) && body.size >= 1 && body.size <= 9).toBe(true);
    // foreach ran once per ready item, and $workflows.<id>.outputs carried the id across workflows.
    expect(steps['each/read-each']!.exchanges.map((e) => new URL(e.request.url).pathname)).toEqual(['/items/item_1']);
    expect(steps['each/first-of-lifecycle']!.status).toBe('passed');
  });

  it('a retry limit that runs out fails the step with a located finding and skips what depends on it', async () => {
    const r = await run({ readyAfter: 10 });
    const steps = byId(r);
    expect(steps['lifecycle/poll']).toMatchObject({ status: 'failed', attempts: 4 });
    expect(steps['lifecycle/who']!.status).toBe('skipped');
    expect(r.workflows.map((w) => [w.workflowId, w.status])).toEqual([
      ['lifecycle', 'failed'],
      ['each', 'skipped'],
    ]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      checkId: 'workflow_step_failed',
      operation: 'GET /items/{id}',
      cause: "lifecycle/poll: $response.body#/status == 'ready'",
      specLocation: { file: 'items.arazzo.yaml', line: 27, pointer: '/workflows/0/steps/1/successCriteria/0' },
    });
    expect(r.findings[0]!.message).toMatch(/Received: \$response\.body#\/status = "pending"/);
  });

  it('drift seen on the way is reported by the response checks even when the criteria hold', async () => {
    const r = await run({ readyAfter: 1, whoamiStatus: 203 });
    expect(r.findings.map((f) => [f.checkId, f.operation])).toEqual([['status_code_conformance', 'GET /whoami']]);
    expect(byId(r)['lifecycle/who']!.findings).toHaveLength(1);
  });
});

describe('await-webhooks', () => {
  it('reports deliveries that do not arrive within the timeout as webhook_delivery', async () => {
    const hooks = parseSuite(
      `arazzo: 1.0.1
info: { title: hooks, version: '1' }
sourceDescriptions: [{ name: items, url: ./items.openapi.yaml }]
workflows:
  - workflowId: hooks
    steps:
      - stepId: receiver
        x-specgate-action: webhook-receiver
      - stepId: wait
        x-specgate-action: await-webhooks
        x-specgate-with: { receiver: receiver, count: 1, timeoutMs: 50, secret: whsec_x }
`,
      'hooks.arazzo.yaml',
    );
    const r = await runSuite(spec, hooks, { baseUrl: 'http://127.0.0.1:9', seed: 1 });
    expect(r.findings.map((f) => [f.checkId, f.operation])).toEqual([['webhook_delivery', 'WORKFLOW hooks']]);
    expect(r.findings[0]!.message).toMatch(/Expected: 1 webhook deliveries within 50 ms\nReceived: 0/);
  });
});
