/** The `lint` tool: `specgate lint` for an agent, answering with every problem at its file and line. */
import { z } from 'zod';
import { loadConfig } from '../../config/index.ts';
import { loadSpec } from '../../load/index.ts';
import { checkRuleIds, lintSpec } from '../../lint/index.ts';
import { answer, defineTool, guarded } from '../tool.ts';

export default defineTool({
  name: 'lint',
  title: 'Lint an OpenAPI description',
  description:
    "Checks an OpenAPI 3.0/3.1/3.2 description against the official JSON Schema and specgate's semantic rules, without calling any API. Answers with each problem: rule, severity, message, JSON pointer, file, line, column.",
  inputSchema: {
    spec: z.string().describe("Path (relative to the server's working directory) or http(s) URL of the description"),
    rules: z
      .record(z.string(), z.enum(['off', 'warn', 'error']))
      .optional()
      .describe('Rule severities overriding the defaults and the config file, e.g. {"component-unused": "off"}'),
  },
  call: ({ spec, rules }, context) =>
    guarded(async () => {
      const configured = loadConfig(context.cwd).config.lint?.rules ?? {};
      const overrides = { ...configured, ...rules };
      checkRuleIds(overrides);
      const problems = lintSpec(await loadSpec(spec, { cwd: context.cwd }), { rules: overrides });
      const errors = problems.filter((p) => p.severity === 'error').length;
      const summary = `${spec}: ${problems.length} problem(s), ${errors} error(s), ${problems.length - errors} warning(s)`;
      return answer(summary, problems);
    }),
});
