/**
 * The `certify` tool: `specgate certify` for an agent. Runs a certification profile's suites and writes
 * certificate.json/.md and badge.svg (also listed as resources); answers with each requirement's verdict.
 */
import path from 'node:path';
import { z } from 'zod';
import { certify } from '../../certify/index.ts';
import { reportUris } from '../resources.ts';
import { answer, defineTool, guarded } from '../tool.ts';

export default defineTool({
  name: 'certify',
  title: 'Certify an API against a profile',
  description:
    'Runs a certification profile (openai-compat: chat completions with streaming, error shapes, embeddings, models; aigateway-full: the whole AIgateway spec) against baseUrl (default: the embedded reference server) and writes certificate.json, certificate.md and badge.svg. Answers pass/fail per requirement with evidence for failures.',
  inputSchema: {
    profile: z.string().default('openai-compat').describe('Profile id (suites/profiles/<id>.yaml) or a profile file'),
    baseUrl: z.string().optional().describe('API to certify; omit for the embedded reference server'),
    spec: z.string().optional().describe('Path or URL of the description (default openapi.json)'),
    seed: z.number().int().nonnegative().optional().describe('Seed, to reproduce an earlier certification'),
    drift: z.array(z.string()).optional().describe('Drifts to plant in the embedded reference server (demo)'),
    reportDir: z.string().optional().describe("Where the certificate goes (default: the server's report folder)"),
  },
  call: (args, context) =>
    guarded(async () => {
      const reportDir = path.resolve(context.cwd, args.reportDir ?? context.reportDir);
      await context.progress(0, 1, `certifying against ${args.profile}`);
      const cert = await certify({
        profile: args.profile,
        headers: [],
        env: context.env,
        cwd: context.cwd,
        reportDir,
        inputs: {},
        drift: args.drift ?? [],
        ...(args.baseUrl ? { baseUrl: args.baseUrl } : {}),
        ...(args.spec ? { spec: args.spec } : {}),
        ...(args.seed !== undefined ? { seed: args.seed } : {}),
      });
      await context.progress(1, 1, `${cert.profile.id}: ${cert.status}`);
      context.setReportDir(reportDir);
      const requirements = cert.requirements.map(({ id, title, required, status, evidence }) => ({
        id,
        title,
        required,
        status,
        ...(status === 'fail' ? { evidence: evidence.slice(0, 3) } : {}),
      }));
      const summary = `${cert.profile.id}: ${cert.status.toUpperCase()} (${cert.summary.passed} passed, ${cert.summary.failed} failed) against ${cert.target}`;
      return answer(summary, { status: cert.status, seed: cert.seed, reports: reportUris(reportDir), requirements });
    }),
});
