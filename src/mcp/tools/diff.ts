/** The `diff` tool: `specgate diff` for an agent, answering with every classified change. */
import { z } from 'zod';
import { DEFAULT_VERSION_PREFIX, diffSpecs } from '../../diff/index.ts';
import { loadSpec } from '../../load/index.ts';
import { answer, defineTool, guarded } from '../tool.ts';

export default defineTool({
  name: 'diff',
  title: 'Diff two OpenAPI descriptions',
  description:
    'Classifies every change between two versions of an OpenAPI description as breaking, non-breaking or info, each with its rule id, operation, message and line in both documents. Use it before changing a public API.',
  inputSchema: {
    base: z.string().describe("The earlier version: path (relative to the server's working directory) or URL"),
    head: z.string().describe('The proposed version: path or URL'),
    versionPrefix: z
      .string()
      .optional()
      .describe(`Regular expression of the major-version path prefix (default ${DEFAULT_VERSION_PREFIX})`),
  },
  call: ({ base, head, versionPrefix }, context) =>
    guarded(async () => {
      const [before, after] = await Promise.all([base, head].map((s) => loadSpec(s, { cwd: context.cwd })));
      const result = diffSpecs(before!, after!, versionPrefix ? { versionPrefix } : {});
      const count = (kind: string) => result.changes.filter((c) => c.kind === kind).length;
      const summary = `${base} → ${head}: ${count('breaking')} breaking, ${count('non-breaking')} non-breaking, ${count('info')} info`;
      return answer(summary, result.changes);
    }),
});
