/**
 * Rendering time and size of the human and machine reports for a large result: 1,000 findings (each with a
 * request, a ~2 KB response and a curl repro) over 300 operations, as a big spec against a drifting server
 * produces. Best of N renders each, wall and CPU time.
 *   node --import tsx bench/report.ts [--runs N] [--findings N]
 */
import { reportHtml } from '../src/report/html.ts';
import { reportMarkdown } from '../src/report/markdown.ts';
import { reportSarif } from '../src/report/sarif.ts';
import { sampleResult } from '../src/report/test-result.ts';
import type { OperationCoverage, ReportedFinding, RunResult } from '../src/types.ts';

const arg = (flag: string, fallback: number) =>
  process.argv.includes(flag) ? Number(process.argv[process.argv.indexOf(flag) + 1]) : fallback;
const runs = arg('--runs', 5);
const count = arg('--findings', 1000);
const OPERATIONS = 300;
const CHECKS = ['response_schema_conformance', 'status_code_conformance', 'undocumented_response_content'];

function bigResult(): RunResult {
  const base = sampleResult();
  const template = base.findings[0]!;
  const body = JSON.stringify({ data: Array.from({ length: 40 }, (_, i) => ({ id: `item_${i}`, value: i * 3.5 })) });
  const findings: ReportedFinding[] = Array.from({ length: count }, (_, i) => {
    const operation = `GET /v1/resource${i % OPERATIONS}/{id}`;
    const ex = template.exchange!;
    return {
      ...template,
      operation,
      operationId: `getResource${i % OPERATIONS}`,
      checkId: CHECKS[i % CHECKS.length]!,
      severity: i % 3 === 2 ? 'warn' : 'error',
      cause: `body/field${i} type`,
      exchange: { ...ex, response: { ...ex.response!, body } },
    };
  });
  const coverage: OperationCoverage[] = Array.from({ length: OPERATIONS }, (_, i) => ({
    ...base.coverage[0]!,
    operation: `GET /v1/resource${i}/{id}`,
    operationId: `getResource${i}`,
  }));
  const checks = [...base.checks, ...CHECKS.map((id) => ({ id, severity: 'error' as const, description: id }))];
  return { ...base, findings, coverage, operationsTotal: OPERATIONS, operationsReached: OPERATIONS, checks };
}

function measure(render: (r: RunResult) => string, result: RunResult) {
  let best = { ms: Infinity, cpuMs: Infinity, bytes: 0 };
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const text = render(result);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (ms < best.ms) best = { ms, cpuMs: (used.user + used.system) / 1000, bytes: Buffer.byteLength(text) };
  }
  return best;
}

const result = bigResult();
console.log(`${count} findings over ${OPERATIONS} operations, best of ${runs} renders`);
console.log(`${'report'.padEnd(14)}${'wall ms'.padStart(10)}${'cpu ms'.padStart(10)}${'size KB'.padStart(10)}`);
for (const [name, render] of [
  ['report.html', reportHtml],
  ['report.sarif', reportSarif],
  ['report.md', reportMarkdown],
] as const) {
  const m = measure(render, result);
  console.log(
    `${name.padEnd(14)}${m.ms.toFixed(0).padStart(10)}${m.cpuMs.toFixed(0).padStart(10)}${(m.bytes / 1024).toFixed(0).padStart(10)}`,
  );
}
