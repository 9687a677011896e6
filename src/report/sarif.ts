/**
 * `report.sarif`: the run's findings as SARIF 2.1.0 for GitHub code scanning. Each finding is a result of its
 * check (a rule in `tool.driver.rules`) at the spec line that states the violated rule (else the operation's
 * own line), with the operation and JSON pointer as logical locations and the baseline key as fingerprint, so
 * code scanning keeps one alert per cause across runs. Secrets are gone (`safeResult`) like in every report.
 */
import { type SarifItem, sarifLog, sarifText } from '../format/sarif.ts';
import type { Reporter, ReportedFinding, RunResult } from '../types.ts';
import { findingId } from './baseline.ts';
import { safeResult } from './safe.ts';

function item(r: RunResult, f: ReportedFinding): SarifItem {
  const at = f.specLocation ?? r.coverage.find((c) => c.operation === f.operation)?.specLocation;
  const times = f.occurrences > 1 ? ` (seen ${f.occurrences}×)` : '';
  return {
    ruleId: f.checkId,
    level: f.severity === 'error' ? 'error' : 'warning',
    message: `${f.operation}: ${f.cause}${times}\n${f.message}${f.curl ? `\n\nReproduce:\n${f.curl}` : ''}`,
    file: at?.file ?? r.specSource,
    ...(at && { line: at.line, column: at.column, pointer: at.pointer }),
    operation: f.operation,
    fingerprint: findingId(f),
  };
}

/** Renders report.sarif. */
export function reportSarif(result: RunResult): string {
  const r = safeResult(result);
  const rules = r.checks.map((c) => ({ id: c.id, description: c.description }));
  return sarifText(
    sarifLog(
      rules,
      r.findings.map((f) => item(r, f)),
      r.tool.version,
    ),
  );
}

const reporter: Reporter = {
  id: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning: each finding at its spec file and line.',
  filename: 'report.sarif',
  run: reportSarif,
};
export default reporter;
