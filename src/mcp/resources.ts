/**
 * The reports of the last run or certification as MCP resources, `specgate://reports/<file>`: listed when they
 * exist in the current report folder, read from disk on each request (a run rewrites them as it goes).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';

/** The report files, with the MIME type a client shows them as. */
const REPORT_FILES: Record<string, string> = {
  'findings.json': 'application/json',
  'report.md': 'text/markdown',
  'summary.json': 'application/json',
  'junit.xml': 'application/xml',
  'report.sarif': 'application/sarif+json',
  'certificate.json': 'application/json',
  'certificate.md': 'text/markdown',
  'badge.svg': 'image/svg+xml',
};

const uriOf = (file: string) => `specgate://reports/${file}`;

/** The resources of the report files present in `reportDir`. */
export function reportResources(reportDir: string) {
  return Object.entries(REPORT_FILES)
    .filter(([file]) => existsSync(path.join(reportDir, file)))
    .map(([file, mimeType]) => ({ uri: uriOf(file), name: file, mimeType }));
}

/** Just the URIs, for tool answers that point at what they wrote. */
export function reportUris(reportDir: string): string[] {
  return reportResources(reportDir).map((r) => r.uri);
}

/** Registers the report template on `server`; `reportDir()` is the folder of the last run. */
export function registerReports(server: McpServer, reportDir: () => string): void {
  const template = new ResourceTemplate(uriOf('{file}'), {
    list: () => ({ resources: reportResources(reportDir()) }),
  });
  const meta = { title: 'specgate reports', description: 'Reports of the last run or certification' };
  server.registerResource('reports', template, meta, async (uri, { file }) => {
    const name = String(file);
    const mimeType = REPORT_FILES[name];
    if (!mimeType) throw new Error(`unknown report "${name}"; expected one of ${Object.keys(REPORT_FILES).join(', ')}`);
    const text = await readFile(path.join(reportDir(), name), 'utf8').catch(() => {
      throw new Error(`${name} has not been written yet in ${reportDir()}: call the run or certify tool first`);
    });
    return { contents: [{ uri: uri.href, mimeType, text }] };
  });
}
