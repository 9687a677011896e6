/**
 * `specgate mcp`: serves specgate's tools to a coding agent over MCP on stdin/stdout until the client closes the
 * connection. stdout carries only protocol messages, so nothing else here writes to it.
 */
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createServer } from '../../mcp/server.ts';
import type { Command } from '../command.ts';

const USAGE = `Usage: specgate mcp [--report-dir DIR]

Runs an MCP (Model Context Protocol) server on stdin/stdout for coding agents. Tools: lint, run, diff,
certify, explain_finding (each with an input schema; run reports progress). Resources: the reports of the
last run or certification, specgate://reports/<file> (findings.json, report.md, summary.json, junit.xml,
certificate.json, certificate.md, badge.svg). Paths in tool arguments are relative to the working directory;
credentials come from the environment (SPECGATE_TOKEN, SPECGATE_API_KEY, ...), never from tool arguments.

Options:
  --report-dir DIR     report folder of run and certify calls that name none (default: reports)
  -h, --help           this help

Agent configuration (e.g. Claude Desktop, VS Code mcp.json): command "npx", args ["specgate", "mcp"].
`;

const command: Command = {
  name: 'mcp',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, strict: true, options: { 'report-dir': { type: 'string' } } });
    const server = createServer({ cwd: io.cwd, env: io.env, reportDir: values['report-dir'] });
    const closed = new Promise<void>((resolve) => (server.server.onclose = resolve));
    await server.connect(new StdioServerTransport());
    // The SDK's stdio transport does not notice the client closing its end; a server must not outlive it.
    process.stdin.once('end', () => void server.close());
    io.stderr('specgate mcp: serving on stdio\n');
    await closed;
    return 0;
  },
};

export default command;
