/**
 * Writes the body of the nightly drift issue from a merged `findings.json`: new drift first (what appeared
 * since the committed baseline), then a count of known drift. Writes `new=<n>` to `$GITHUB_OUTPUT` so the
 * workflow opens or updates the issue only when there is new drift.
 * Usage: node --import tsx src/ci/drift-issue.ts <findings.json> [--run-url URL] > body.md
 */
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cell } from '../format/markdown.ts';
import { readFindings, type FindingEntry } from './annotate.ts';

/** Marker that identifies the issue body as written by this script. */
export const DRIFT_MARKER = '<!-- specgate-nightly-drift -->';

/** The issue body and the number of new findings. */
export function driftIssue(findings: FindingEntry[], runUrl?: string): { fresh: number; body: string } {
  const fresh = findings.filter((f) => f.baseline !== 'known');
  const known = findings.length - fresh.length;
  const lines = [
    DRIFT_MARKER,
    `## API drift: ${fresh.length} new finding(s)`,
    '',
    runUrl
      ? `Nightly run: ${runUrl} (reports are in its artifacts).`
      : 'Nightly run reports are in the workflow artifacts.',
    `Known drift (in the committed baseline): ${known} finding(s).`,
    '',
  ];
  if (fresh.length > 0) {
    lines.push('| Severity | Operation | Check | Where | Message |', '|---|---|---|---|---|');
    for (const f of fresh.slice(0, 100)) {
      const where = f.specLocation?.file ? `${f.specLocation.file}:${f.specLocation.line ?? 1}` : '';
      lines.push(
        `| ${f.severity ?? ''} | ${cell(f.operation ?? '')} | \`${f.check ?? f.checkId ?? ''}\` | ${cell(where)} | ${cell((f.message ?? '').slice(0, 300))} |`,
      );
    }
    if (fresh.length > 100) lines.push('', `… and ${fresh.length - 100} more in findings.json.`);
  }
  lines.push(
    '',
    "To accept this drift as known, copy the run's `findings.json` to `.github/drift/baseline.json` in a reviewed PR.",
  );
  return { fresh: fresh.length, body: lines.join('\n') + '\n' };
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'run-url': { type: 'string' } },
  });
  const findings = readFindings(readFileSync(positionals[0] ?? 'reports/findings.json', 'utf8'));
  const { fresh, body } = driftIssue(findings, values['run-url']);
  process.stdout.write(body);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `new=${fresh}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
