/**
 * The `explain_finding` tool: one finding of the last run in full: what the check requires, what was sent and
 * what came back, where the spec says otherwise, and how to reproduce it. Read from findings.json.
 */
import path from 'node:path';
import { z } from 'zod';
import { CHECKS } from '../../check/index.ts';
import { HarnessError } from '../../errors.ts';
import { readFindings, type StoredFinding } from '../findings.ts';
import { answer, defineTool, guarded } from '../tool.ts';

const BODY_LIMIT = 2000;

function explain(f: StoredFinding): string {
  const check = CHECKS.find((c) => c.id === f.check);
  const lines = [
    `${f.severity.toUpperCase()} ${f.check} on ${f.operation} (${f.occurrences} request(s))`,
    '',
    `What the check requires: ${check?.description ?? 'see the check list in specgate run --help'}`,
    '',
    f.message,
  ];
  if (f.specLocation)
    lines.push('', `Spec: ${f.specLocation.file}:${f.specLocation.line} (${f.specLocation.pointer ?? ''})`);
  if (f.request) lines.push('', `Sent: ${f.request.method} ${f.request.url}`);
  if (f.response) {
    const body = f.response.body ?? '';
    lines.push(
      `Received: ${f.response.status}${body ? `\n${body.slice(0, BODY_LIMIT)}${body.length > BODY_LIMIT ? ' …' : ''}` : ''}`,
    );
  }
  if (f.curl) lines.push('', 'Reproduce:', f.curl);
  if (f.replay) lines.push('', `Replay: ${f.replay}`);
  return lines.join('\n');
}

export default defineTool({
  name: 'explain_finding',
  title: 'Explain a finding of the last run',
  description:
    'Explains one finding of the last run (from its findings.json): the rule it breaks, the request and response, the spec location, a curl repro and the replay command. Name it by index (as the run tool lists findings) or by check and operation.',
  inputSchema: {
    index: z.number().int().nonnegative().optional().describe("Position of the finding in the run tool's list"),
    check: z.string().optional().describe('Check id, e.g. response_schema_conformance'),
    operation: z.string().optional().describe('Operation, e.g. "GET /v1/models/{id}"'),
    reportDir: z.string().optional().describe('Report folder to read (default: the last one written)'),
  },
  call: (args, context) =>
    guarded(async () => {
      const findings = await readFindings(path.resolve(context.cwd, args.reportDir ?? context.reportDir));
      const finding =
        args.index !== undefined
          ? findings[args.index]
          : findings.find(
              (f) => (!args.check || f.check === args.check) && (!args.operation || f.operation === args.operation),
            );
      if (!finding)
        throw new HarnessError(
          'USAGE',
          `no such finding among the last run's ${findings.length}; give an index from the run tool's list`,
        );
      return answer(explain(finding));
    }),
});
