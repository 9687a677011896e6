import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { run } from '../pipeline.ts';
import { sarifErrors } from '../format/sarif.test-kit.ts';
import { STAGES } from '../stages.ts';
import { findingId } from './baseline.ts';
import { reportSarif } from './sarif.ts';
import { SECRET, sampleResult } from './test-result.ts';

const placed = (log: Log) =>
  log.runs[0]!.results!.map((r) => {
    const p = r.locations![0]!.physicalLocation!;
    return [r.ruleId, r.level, p.artifactLocation!.uri, p.region?.startLine, p.region?.startColumn];
  });

describe('report.sarif', () => {
  it('is valid SARIF 2.1.0: a result per finding at its spec line, checks as rules, no secret', () => {
    const text = reportSarif(sampleResult());
    expect(sarifErrors(text)).toEqual([]);
    expect(text).not.toContain(SECRET);
    const log = JSON.parse(text) as Log;
    // The negative finding names no spec location and its operation none either: the spec file, no region.
    expect(placed(log)).toEqual([
      ['response_schema_conformance', 'error', 'openapi.yaml', 16, 9],
      ['undocumented_response_content', 'warning', 'openapi.yaml', undefined, undefined],
      ['negative_data_rejection', 'error', 'openapi.yaml', undefined, undefined],
    ]);
    expect(log.runs[0]!.tool.driver.rules!.map((r) => [r.id, r.shortDescription?.text])).toEqual(
      sampleResult().checks.map((c) => [c.id, c.description]),
    );
    expect(log.runs[0]!.results!.map((r) => r.partialFingerprints?.['specgate/v1'])).toEqual(
      sampleResult().findings.map(findingId),
    );
  });

  it('falls back to the line of the operation when the finding names no spec rule', () => {
    const [schema, , negative] = sampleResult().findings;
    const coverage = sampleResult().coverage.map((c) =>
      c.operation === negative!.operation ? { ...c, specLocation: { ...schema!.specLocation!, line: 40 } } : c,
    );
    const log = JSON.parse(reportSarif(sampleResult({ coverage }))) as Log;
    expect(placed(log)[2]).toEqual(['negative_data_rejection', 'error', 'openapi.yaml', 40, 9]);
  });

  it('a real run writes a valid report.sarif placing each finding at its line of openapi.json', async () => {
    const reportDir = await mkdtemp(path.join(tmpdir(), 'specgate-sarif-'));
    // As the CLI runs it: the spec named relative to the working directory, which SARIF URIs are relative to.
    const cwd = path.resolve(import.meta.dirname, '../..');
    const options = { seed: 20261125, drift: ['accepts-invalid', 'server-error'], workers: 1, reportDir, cwd };
    const result = await run(
      { ...options, spec: 'openapi.json', include: ['createEmbedding', 'createRerank'] },
      STAGES,
    );
    const text = await readFile(path.join(reportDir, 'report.sarif'), 'utf8');
    expect(sarifErrors(text)).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(placed(JSON.parse(text) as Log)).toEqual(
      result.findings.map((f) => [
        f.checkId,
        f.severity === 'error' ? 'error' : 'warning',
        'openapi.json',
        f.specLocation!.line,
        f.specLocation!.column,
      ]),
    );
  }, 60_000);
});
