/**
 * `specgate mcp`: specgate's commands as MCP tools (tools/), and the last reports as resources (resources.ts),
 * on the official MCP TypeScript SDK. Transport-free: the CLI connects it to stdio, tests to their own client.
 */
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { TOOL_VERSION } from '../report/run-result.ts';
import { registerReports } from './resources.ts';
import type { ToolContext } from './tool.ts';
import { TOOLS } from './tools/index.ts';

export interface ServerOptions {
  /** Folder relative paths are resolved against (the agent's workspace). */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Report folder until a run or certify call writes another (default `reports`). */
  reportDir?: string;
}

/** A server with every tool and the report resources registered, not yet connected. */
export function createServer(options: ServerOptions): McpServer {
  const server = new McpServer(
    { name: 'specgate', version: TOOL_VERSION },
    {
      instructions:
        'specgate checks OpenAPI descriptions and APIs. lint a spec before editing it, diff it against the previous version to catch breaking changes, run it against an API (or the embedded reference server) to find drift, then explain_finding for details. Reports of the last run are resources under specgate://reports/.',
    },
  );
  let reportDir = path.resolve(options.cwd, options.reportDir ?? 'reports');
  registerReports(server, () => reportDir);
  for (const tool of TOOLS) {
    const config = { title: tool.title, description: tool.description, inputSchema: tool.inputSchema };
    server.registerTool(tool.name, config, (args, extra) => {
      const token = extra._meta?.progressToken;
      const context: ToolContext = {
        cwd: options.cwd,
        env: options.env,
        reportDir,
        setReportDir: (dir) => void (reportDir = dir),
        signal: extra.signal,
        progress: async (progress, total, message) => {
          if (token === undefined) return;
          const params = { progressToken: token, progress, message, ...(total !== undefined ? { total } : {}) };
          await extra.sendNotification({ method: 'notifications/progress', params });
        },
      };
      return tool.call(args, context);
    });
  }
  return server;
}
