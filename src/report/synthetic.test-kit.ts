/** A RunResult of `n` synthetic findings, shaped like a big spec's run: for the report budget law and bench/reports. */
import { exchangeOf } from '../check/test-kit.ts';
import type { OperationCoverage, ReportedFinding, RunResult } from '../types.ts';
import { sampleResult } from './test-result.ts';

const CHECKS = ['response_schema_conformance', 'status_code_conformance', 'undocumented_response_content'];

/** Finding `i`: one in four shares a cause with other operations, the rest are the operation's own. */
function finding(i: number, operations: number): ReportedFinding {
  const op = i % operations;
  const shared = i % 4 === 0;
  const path = `/things${op}/{id}`;
  return {
    checkId: CHECKS[i % CHECKS.length]!,
    severity: i % 3 === 0 ? 'warn' : 'error',
    operation: `GET ${path}`,
    cause: shared ? `status ${415 + (i % 7)}` : `body/field${i} type`,
    message: `Received: "field${i}": "x" (string)\nDocumented: integer at #/components/schemas/T${op} (openapi.yaml:${i}:9)`,
    specLocation: { file: 'openapi.yaml', line: i + 1, column: 9, pointer: `/components/schemas/T${op}` },
    seed: 1,
    occurrences: 1 + (i % 5),
    exchange: exchangeOf({
      path: `/things${op}/${i}`,
      body: { id: String(i), field: 'x'.repeat(200), tags: ['a', 'b', 'c'] },
    }),
  };
}

/** `n` findings over `operations` operations, each with coverage. */
export function syntheticResult(n: number, operations = 300): RunResult {
  const base = sampleResult();
  const findings = Array.from({ length: n }, (_, i) => finding(i, operations));
  const coverage: OperationCoverage[] = Array.from({ length: operations }, (_, op) => ({
    ...base.coverage[0]!,
    operation: `GET /things${op}/{id}`,
  }));
  return { ...base, findings, fixed: [], coverage, operationsTotal: operations, operationsReached: operations };
}
