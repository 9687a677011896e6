/**
 * The findings of the last run, read back from its findings.json (the file the run wrote, so the numbers an
 * agent sees are the ones in the reports, and `explain_finding` can refer to them by position).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../errors.ts';

/** One entry of findings.json, as src/report/README.md documents it (the fields this server reads). */
export interface StoredFinding {
  operation: string;
  check: string;
  severity: 'error' | 'warn';
  cause?: string;
  message: string;
  occurrences: number;
  specLocation?: { file: string; line: number; column?: number; pointer?: string };
  request?: { method: string; url: string; headers?: Record<string, string>; body?: unknown };
  response?: { status: number; headers?: Record<string, string>; body?: string };
  curl?: string;
  replay?: string;
  seed?: number;
  caseKind?: string;
  baseline?: string;
}

/** Reads `<reportDir>/findings.json`; a missing file means no run has written reports there yet. */
export async function readFindings(reportDir: string): Promise<StoredFinding[]> {
  const file = path.join(reportDir, 'findings.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new HarnessError('USAGE', `no findings.json in ${reportDir}: call the run tool first`);
  }
  return JSON.parse(text) as StoredFinding[];
}

/** One line an agent can scan: position (for explain_finding), severity, check, operation, first message line. */
export function brief(finding: StoredFinding, index: number) {
  const where = finding.specLocation ? `${finding.specLocation.file}:${finding.specLocation.line}` : undefined;
  return {
    index,
    severity: finding.severity,
    check: finding.check,
    operation: finding.operation,
    message: finding.message.split('\n')[0],
    occurrences: finding.occurrences,
    ...(where ? { specLocation: where } : {}),
  };
}
