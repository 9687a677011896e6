/**
 * The MCP server as an agent sees it, driven by the SDK's own Client: over an in-memory transport pair for the
 * tools and resources, and once over stdio through the real `specgate mcp` command.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const reportDir = mkdtempSync(path.join(tmpdir(), 'specgate-mcp-'));
let client: Client;

const texts = (result: unknown) => (result as CallToolResult).content.map((c) => (c.type === 'text' ? c.text : ''));
const data = (result: unknown) => JSON.parse(texts(result)[1]!);

beforeAll(async () => {
  const server = createServer({ cwd: root, env: {}, reportDir });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  client = new Client({ name: 'test-agent', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
});

afterAll(async () => {
  await client?.close();
  rmSync(reportDir, { recursive: true, force: true });
});

describe('specgate mcp, as an agent sees it', () => {
  it('initializes as specgate and offers the five tools, each with an input schema', async () => {
    expect(client.getServerVersion()?.name).toBe('specgate');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['lint', 'run', 'diff', 'certify', 'explain_finding']);
    for (const tool of tools) expect(tool.inputSchema.type).toBe('object');
    expect(tools.find((t) => t.name === 'lint')?.inputSchema.required).toEqual(['spec']);
  });

  it('lint names the planted problem with its rule, file and line', async () => {
    const result = await client.callTool({
      name: 'lint',
      arguments: { spec: 'fixtures/package/planted-problem.yaml' },
    });
    expect(result.isError).toBeFalsy();
    expect(texts(result)[0]).toContain('1 error(s)');
    expect(data(result)).toEqual([
      expect.objectContaining({
        rule: 'path-param-undeclared',
        severity: 'error',
        line: 8,
        message: expect.stringContaining('petId'),
      }),
    ]);
  });

  it('diff names the planted breaking change', async () => {
    const dir = 'fixtures/diff/operation-removed';
    const result = await client.callTool({
      name: 'diff',
      arguments: { base: `${dir}/base.yaml`, head: `${dir}/head.yaml` },
    });
    expect(texts(result)[0]).toContain('1 breaking');
    expect(data(result)).toContainEqual(
      expect.objectContaining({ rule: 'operation-removed', kind: 'breaking', operation: 'DELETE /v1/pets/{petId}' }),
    );
  });

  it('a harness error is a tool error carrying its code, not a crash', async () => {
    const result = await client.callTool({ name: 'lint', arguments: { spec: 'fixtures/no-such-file.yaml' } });
    expect(result.isError).toBe(true);
    expect(texts(result)[0]).toMatch(/\[[A-Z_]+\]$/);
  });

  it('arguments outside the input schema are refused', async () => {
    const result = await client.callTool({ name: 'diff', arguments: { base: 'a.yaml' } });
    expect(result.isError).toBe(true);
    expect(texts(result)[0]).toContain('head');
  });

  it('run reports progress, lists its findings, and its reports become readable resources', async () => {
    const progress: number[] = [];
    const args = { drift: ['wrong-type'], include: ['getModel', 'listModels'], seed: 1, maxRequests: 60 };
    const result = await client.callTool({ name: 'run', arguments: args }, undefined, {
      onprogress: (p) => void progress.push(p.progress),
      timeout: 120_000,
    });
    expect(result.isError).toBeFalsy();
    const answer = data(result);
    expect(progress.length).toBeGreaterThan(0);
    expect(answer.findings).toContainEqual(expect.objectContaining({ index: 0, check: expect.any(String) }));
    expect(answer.reports).toContain('specgate://reports/findings.json');

    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(expect.arrayContaining(['specgate://reports/report.md']));
    const read = await client.readResource({ uri: 'specgate://reports/findings.json' });
    const stored = JSON.parse((read.contents[0] as { text: string }).text);
    expect(stored).toHaveLength(answer.findings.length);

    const explained = await client.callTool({ name: 'explain_finding', arguments: { index: 0 } });
    expect(texts(explained)[0]).toContain(stored[0].operation);
    expect(texts(explained)[0]).toContain('Reproduce:');
  }, 150_000);
});

describe('specgate mcp over stdio', () => {
  it('answers initialize, tools/list and a lint call through the real command', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.join(root, 'bin/specgate.js'), 'mcp'],
      cwd: root,
      stderr: 'pipe',
    });
    const stdio = new Client({ name: 'stdio-agent', version: '1.0.0' });
    await stdio.connect(transport, { timeout: 60_000 });
    try {
      expect((await stdio.listTools()).tools).toHaveLength(5);
      const result = await stdio.callTool({
        name: 'lint',
        arguments: { spec: 'fixtures/package/planted-problem.yaml' },
      });
      expect(texts(result)[1]).toContain('path-param-undeclared');
    } finally {
      await stdio.close();
    }
  }, 90_000);
});
