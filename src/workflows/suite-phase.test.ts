import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceServer } from '../reference/index.ts';
import { startServer, type TestServer } from '../send/test-servers.ts';
import { STAGES } from '../stages.ts';
import { run } from '../pipeline.ts';
import { loadSuites, workflowReports } from './suite-phase.ts';
import { specFromText } from '../load/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('workflowReports', () => {
  const step = (workflowId: string, stepId: string, status: 'passed' | 'failed' | 'skipped' = 'passed') => ({
    workflowId,
    stepId,
    status,
    attempts: 1,
    exchanges: [],
    findings: [],
    location: `s.yaml:${stepId}`,
  });
  it('gives each top-level workflow its steps, subroutine steps under the step that called them', () => {
    const reports = workflowReports('s.yaml', {
      workflows: [
        { workflowId: 'main', status: 'failed', message: 'step b failed' },
        { workflowId: 'after', status: 'skipped' },
      ],
      steps: [
        step('tenant', 'create'),
        step('main', 'a'),
        step('tenant', 'create', 'failed'),
        step('main', 'b', 'failed'),
        step('after', 'x', 'skipped'),
      ],
    });
    expect(reports.map((w) => [w.workflowId, w.status, w.steps.map((s) => `${s.stepId}:${s.status}`)])).toEqual([
      ['main', 'failed', ['tenant/create:passed', 'a:passed', 'tenant/create:failed', 'b:failed']],
      ['after', 'skipped', ['x:skipped']],
    ]);
  });
});

describe('loadSuites', () => {
  const spec = specFromText(
    `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get: { operationId: listA, responses: { '200': { description: ok } } }\n    post: { operationId: createA, responses: { '201': { description: ok } } }\n`,
  );
  const suite = (op: string) =>
    `arazzo: 1.0.1\ninfo: { title: s, version: '1' }\nsourceDescriptions: [{ name: api, url: ./api.yaml, type: openapi }]\nworkflows:\n  - workflowId: w\n    steps:\n      - stepId: s1\n        operationId: ${op}\n        successCriteria: [{ condition: $statusCode == 200 }]\n`;
  const write = async (op: string) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'specgate-suites-'));
    await writeFile(path.join(dir, 's.arazzo.yaml'), suite(op));
    return dir;
  };
  it.each([
    ['a reading step, --read-only', 'listA', true, undefined],
    ['a writing step without --read-only', 'createA', false, undefined],
    [
      'a writing step, --read-only',
      'createA',
      true,
      /--read-only forbids --suite s.arazzo.yaml: step w\/s1 calls POST \/a \(s.arazzo.yaml:7:9\)/,
    ],
    ['an operation the spec lacks', 'nope', false, /operationId "nope" is not in/],
  ] as const)('%s', async (_name, op, readOnly, error) => {
    const load = loadSuites(['s.arazzo.yaml'], await write(op), spec, readOnly);
    if (error) await expect(load).rejects.toThrow(error);
    else expect((await load).map((s) => s.workflows.map((w) => w.workflowId))).toEqual([['w']]);
  });
});

/**
 * Minted keys never reach a report: the reference server (spend cap not enforced) sits behind a proxy that
 * drops `created_at` from minted keys, so both the mint-key response (with the plaintext key in its body) and
 * the spend-cap step (the key in its Authorization header) become findings with their exchanges.
 */
describe('specgate run --suite sub-account-lifecycle: reports carry no minted key', () => {
  const ROOT_KEY = 'sk-aig-rootkey-for-this-test';
  const gateway = createReferenceServer({ key: ROOT_KEY, drift: ['spend-cap-ignored'] });
  let proxy: TestServer;
  let minted: string[] = [];
  let fuzzing = false;
  beforeAll(async () => {
    const { url } = await gateway.listen(0);
    // Generated cases name sub-accounts that do not exist: mint-key requests are sent to a real one.
    const created = await fetch(`${url}/v1/sub-accounts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ROOT_KEY}`, 'content-type': 'application/json' },
      body: '{"name":"fuzz target"}',
    });
    const real = ((await created.json()) as { id: string }).id;
    proxy = await startServer(async (req, res) => {
      const target = fuzzing
        ? (req.url ?? '').replace(/^\/v1\/sub-accounts\/[^/?]+\/keys/, `/v1/sub-accounts/${real}/keys`)
        : req.url;
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
      ) as Record<string, string>;
      const up = await fetch(`${url}${target}`, {
        method: req.method!,
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      let body = await up.text();
      if (req.method === 'POST' && /\/keys$/.test(req.url ?? '') && up.status === 201) {
        const json = JSON.parse(body) as { key: string; created_at?: number };
        minted.push(json.key);
        delete json.created_at;
        body = JSON.stringify(json);
      }
      const out = Object.fromEntries(
        [...up.headers].filter(([k]) => !['content-length', 'transfer-encoding', 'connection'].includes(k)),
      );
      res.writeHead(up.status, out).end(body);
    });
  });
  afterAll(async () => {
    await proxy.close();
    await gateway.close();
  });

  it('redacts the key in the body that minted it and in the header that used it, in every report file', async () => {
    minted = [];
    const reportDir = await mkdtemp(path.join(os.tmpdir(), 'specgate-suite-'));
    const result = await run(
      {
        spec: path.join(root, 'openapi.json'),
        baseUrl: proxy.url,
        headers: [`Authorization: Bearer ${ROOT_KEY}`],
        seed: 3,
        reportDir,
        cwd: root,
        suites: ['suites/sub-account-lifecycle.arazzo.yaml'],
      },
      STAGES,
    );
    expect(minted).toHaveLength(1);
    const found = result.findings.map((f) => `${f.operation} ${f.checkId}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'POST /v1/sub-accounts/{id}/keys response_schema_conformance',
        'POST /v1/embeddings spend_cap_enforced',
      ]),
    );
    const files = await readdir(reportDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = await readFile(path.join(reportDir, f), 'utf8');
      expect(text, f).not.toContain(minted[0]);
      expect(text, f).not.toContain(ROOT_KEY);
      // The display prefix (13 characters) may show; a whole key (sk-aig- + 32 hex) never.
      expect(text.match(/sk-aig-[0-9a-f]{14,}/g) ?? [], f).toEqual([]);
    }
    const findingsJson = await readFile(path.join(reportDir, 'findings.json'), 'utf8');
    expect(findingsJson).toContain('\\"key\\":\\"[REDACTED]\\"');
    expect(result.workflows?.map((w) => [w.workflowId, w.status])).toEqual([['sub-account-lifecycle', 'failed']]);
    const junit = await readFile(path.join(reportDir, 'junit.xml'), 'utf8');
    expect(junit).toContain('sub-account-lifecycle');
  }, 30_000);

  it('redacts a minted key no request ever used (fuzzing the mint operation): only its body names it', async () => {
    minted = [];
    fuzzing = true;
    const reportDir = await mkdtemp(path.join(os.tmpdir(), 'specgate-mint-'));
    const result = await run(
      {
        spec: path.join(root, 'openapi.json'),
        baseUrl: proxy.url,
        headers: [`Authorization: Bearer ${ROOT_KEY}`],
        seed: 3,
        reportDir,
        cwd: root,
        include: ['createSubAccountKey'],
        budget: { example: 1, boundary: 0, positive: 2, negative: 0 },
        checks: ['response_schema_conformance'],
      },
      STAGES,
    );
    expect(result.findings.map((f) => `${f.operation} ${f.checkId}`)).toEqual([
      'POST /v1/sub-accounts/{id}/keys response_schema_conformance',
    ]);
    expect(minted.length).toBeGreaterThan(0);
    for (const f of await readdir(reportDir)) {
      const text = await readFile(path.join(reportDir, f), 'utf8');
      for (const key of minted) expect(text, f).not.toContain(key);
    }
    expect(await readFile(path.join(reportDir, 'findings.json'), 'utf8')).toContain('\\"key\\":\\"[REDACTED]\\"');
  }, 30_000);
});
