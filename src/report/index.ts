/** Every reporter of `specgate run`, in the order files are written, plus the helpers other stages reuse. */
import findingsJson from './findings-json.ts';
import junit from './junit.ts';
import markdown from './markdown.ts';
import type { RunResult } from './run-result.ts';
import summaryJson from './summary-json.ts';

/** A reporter: one file of the report directory, a pure function of the RunResult. */
export interface Reporter {
  id: string;
  description: string;
  filename: string;
  run(result: RunResult): string;
}

/** All reporters. */
export const REPORTERS: readonly Reporter[] = [junit, markdown, findingsJson, summaryJson];

export { toCurl } from './curl.ts';
export { redact, redactHeaders, redactFindings, isSecretName, REDACTED } from './redact.ts';
export { compareWithBaseline, parseBaseline, baselineKey } from './baseline.ts';
export type { OperationCoverage, ReportedFinding, RunResult } from './run-result.ts';
