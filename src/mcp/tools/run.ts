/**
 * The `run` tool: `specgate run` for an agent. Sends generated requests (to `baseUrl`, or to the embedded
 * reference server), reports progress per operation, and answers with the summary and a line per finding.
 * Credentials come from the server's environment (SPECGATE_TOKEN, ...), never from tool arguments.
 */
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../../config/index.ts';
import { optionsFromConfig } from '../../config/run-options.ts';
import { run } from '../../pipeline.ts';
import { formatSummary } from '../../report/run-summary.ts';
import type { RunOptions } from '../../run-options.ts';
import { brief, readFindings } from '../findings.ts';
import { reportUris } from '../resources.ts';
import { answer, defineTool, guarded } from '../tool.ts';

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export default defineTool({
  name: 'run',
  title: 'Run conformance checks against an API',
  description:
    'Generates requests from an OpenAPI description, sends them to baseUrl (default: the embedded reference AIgateway server), checks every response and writes reports (findings.json, report.md, junit.xml, summary.json; also listed as resources). Answers with the summary and one line per finding; explain_finding gives the details of one. Reports progress per operation.',
  inputSchema: {
    spec: z.string().optional().describe('Path or URL of the description (required with baseUrl)'),
    baseUrl: z.string().optional().describe('API under test; omit to run against the embedded reference server'),
    maxRequests: z.number().int().positive().optional().describe('Stop after this many requests'),
    seed: z.number().int().nonnegative().optional().describe('Seed of an earlier run, to reproduce it exactly'),
    include: z.array(z.string()).optional().describe('Operations to run: operationId, tag:Name, method or path glob'),
    exclude: z.array(z.string()).optional().describe('Operations to skip (same forms as include)'),
    checks: z.array(z.string()).optional().describe('Check ids to run (default all)'),
    readOnly: z.boolean().optional().describe('Send only GET/HEAD/OPTIONS requests'),
    drift: z.array(z.string()).optional().describe('Drifts to plant in the embedded reference server (demo)'),
    reportDir: z.string().optional().describe("Where the reports go (default: the server's report folder)"),
  },
  call: (args, context) =>
    guarded(async () => {
      const reportDir = path.resolve(context.cwd, args.reportDir ?? context.reportDir);
      const fromConfig = defined(optionsFromConfig(loadConfig(context.cwd).config, context.env).options);
      const options: Partial<RunOptions> = {
        ...fromConfig,
        ...defined({ ...args, reportDir }),
        cwd: context.cwd,
        env: fromConfig.env ?? context.env,
        signal: context.signal,
        onProgress: (p) =>
          void context
            .progress(
              p.operationsDone,
              p.operationsTotal,
              `${p.operationsDone}/${p.operationsTotal} operations, ${p.requests} requests, ${p.findings} findings`,
            )
            .catch(() => undefined),
      };
      const result = await run(options);
      context.setReportDir(reportDir);
      const findings = (await readFindings(reportDir)).map(brief);
      const data = {
        exitCode: result.exitCode,
        seed: result.seed,
        requests: result.requests,
        reports: reportUris(reportDir),
        findings,
      };
      return answer(formatSummary(result, path.join(reportDir, 'report.md')), data);
    }),
});
