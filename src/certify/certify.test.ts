import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../errors.ts';
import { badgeSvg, certify, parseProfile, type CertifyOptions } from './index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const base = (over: Partial<CertifyOptions>): CertifyOptions => ({
  profile: 'openai-compat',
  headers: [],
  env: {},
  cwd: root,
  reportDir: '',
  inputs: {},
  drift: [],
  seed: 5,
  ...over,
});

async function tmp(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'specgate-certify-'));
}

describe('certify --profile openai-compat against the reference gateway', () => {
  it('passes, and writes certificate.json, certificate.md and a green badge', async () => {
    const dir = await tmp();
    const cert = await certify(base({ reportDir: dir }));
    expect(cert.status).toBe('pass');
    expect(cert.requirements.map((r) => [r.id, r.status])).toEqual(cert.requirements.map((r) => [r.id, 'pass']));
    expect(cert.requirements.length).toBeGreaterThanOrEqual(7);
    const json = JSON.parse(await readFile(path.join(dir, 'certificate.json'), 'utf8'));
    expect(json).toMatchObject({
      profile: { id: 'openai-compat', version: '1.0.0' },
      seed: 5,
      status: 'pass',
      spec: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(json.suites[0]).toMatchObject({ file: 'suites/openai-compat.arazzo.yaml', version: '1.0.0' });
    expect(json.requirements[1].evidence[0]).toMatch(/POST \/v1\/chat\/completions → 200 application\/json/);
    expect(await readFile(path.join(dir, 'certificate.md'), 'utf8')).toMatch(/^# OpenAI-compatible API: PASS/);
    const badge = await readFile(path.join(dir, 'badge.svg'), 'utf8');
    expect(badge).toContain('openai-compat: pass');
    expect(badge).toContain('#4c1');
    for (const f of ['certificate.json', 'certificate.md'])
      expect(await readFile(path.join(dir, f), 'utf8')).not.toContain('sk-aig-test');
  });

  it('fails under --drift malformed-sse, naming chat.stream and why; nothing else fails', async () => {
    const cert = await certify(base({ drift: ['malformed-sse'], writeFiles: false }));
    expect(cert.status).toBe('fail');
    expect(cert.requirements.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual(['chat.stream']);
    expect(cert.requirements.find((r) => r.id === 'chat.stream')!.evidence.join('\n')).toMatch(
      /event 2 is not a JSON object/,
    );
  });
});

/** A minimal OpenAI-compatible server whose only flaw is the error body shape: `{message}` instead of `{error: {message, type}}`. */
function stub(): Server {
  return createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c));
    req.on('end', () => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.headers.authorization !== 'Bearer sk-stub-secret-123') return json(401, { message: 'bad key' });
      const body = text ? JSON.parse(text) : {};
      if (req.url === '/v1/models') return json(200, { object: 'list', data: [{ id: 'm', object: 'model' }] });
      if (req.url === '/v1/embeddings')
        return json(200, {
          object: 'list',
          data: [{ embedding: [0.1] }, { embedding: [0.2] }],
          usage: { prompt_tokens: 2, total_tokens: 2 },
        });
      if (!Array.isArray(body.messages) || body.messages.length === 0)
        return json(400, { message: 'messages required' });
      if (body.model !== 'm') return json(404, { message: 'no such model' });
      const chunk = (c: object) => `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', ...c })}\n\n`;
      if (!body.stream)
        return json(200, {
          id: 'c1',
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(
        chunk({ choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] }) +
          chunk({ choices: [{ index: 0, delta: { content: 'hi' }, finish_reason: 'stop' }] }) +
          chunk({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }) +
          'data: [DONE]\n\n',
      );
    });
  });
}

describe('certify against a vendor stub whose error bodies are not OpenAI-shaped', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = stub();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('fails exactly the three error requirements, saying which field is missing; the key never appears', async () => {
    const dir = await tmp();
    const cert = await certify(
      base({
        baseUrl: url,
        spec: 'openapi.json',
        reportDir: dir,
        headers: ['Authorization: Bearer sk-stub-secret-123'],
        inputs: { chatModel: 'm', embeddingModel: 'e' },
      }),
    );
    expect(cert.status).toBe('fail');
    expect(cert.requirements.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([
      'errors.invalid-request',
      'errors.authentication',
      'errors.unknown-model',
    ]);
    const why = cert.requirements.find((r) => r.id === 'errors.authentication')!.evidence.join('\n');
    expect(why).toMatch(
      /Criterion: \$response\.body#\/error\/message != null\nReceived: \$response\.body#\/error\/message = \(absent\)/,
    );
    for (const f of ['certificate.json', 'certificate.md'])
      expect(await readFile(path.join(dir, f), 'utf8')).not.toContain('sk-stub-secret-123');
    expect(await readFile(path.join(dir, 'badge.svg'), 'utf8')).toContain('#e05d44');
  });

  it('an unreachable target is TARGET_UNREACHABLE (exit 3), not a failed certificate', async () => {
    await expect(
      certify(base({ baseUrl: 'http://127.0.0.1:9', spec: 'openapi.json', writeFiles: false })),
    ).rejects.toMatchObject({ code: 'TARGET_UNREACHABLE' });
  });
});

describe('profiles are data, validated', () => {
  it.each([
    [
      'no suite',
      'profile: p\ntitle: t\nversion: "1"\nrequirements: [{ id: a, title: b, checks: [x] }]\n',
      /needs `suite` or `suites`/,
    ],
    [
      'empty requirement',
      'profile: p\ntitle: t\nversion: "1"\nsuite: s.yaml\nrequirements:\n  - { id: a, title: b }\n',
      /maps to no step, workflow or check/,
    ],
    [
      'unknown field',
      'profile: p\ntitle: t\nversion: "1"\nsuite: s.yaml\nrequirements:\n  - { id: a, title: b, step: [w/s] }\n',
      /"step" is not a field/,
    ],
  ])('%s → SUITE_INVALID with a location', (_n, text, message) => {
    let error: unknown;
    try {
      parseProfile(text, path.join(root, 'p.yaml'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).code).toBe('SUITE_INVALID');
    expect((error as HarnessError).message).toMatch(message);
    expect((error as HarnessError).location).toMatch(/p\.yaml:\d+:\d+$/);
  });

  it('a requirement naming a step the suites lack is SUITE_INVALID', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'bad.yaml');
    await (await import('node:fs/promises')).writeFile(
      file,
      `profile: bad\ntitle: t\nversion: "1"\nsuite: ${path.join(root, 'suites/openai-compat.arazzo.yaml')}\nrequirements:\n  - { id: a, title: b, steps: [openai-compat/nope] }\n`,
    );
    await expect(certify(base({ profile: file, writeFiles: false }))).rejects.toMatchObject({
      code: 'SUITE_INVALID',
      message: expect.stringMatching(/openai-compat\/nope/),
    });
  });

  it('the badge is red or green and escapes its label', () => {
    expect(badgeSvg('a<b', 'fail')).toMatch(/a&lt;b: fail[\s\S]*#e05d44/);
    expect(badgeSvg('x', 'pass')).toContain('#4c1');
  });
});
