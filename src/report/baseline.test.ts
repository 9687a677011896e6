import { describe, expect, it } from 'vitest';
import { compareWithBaseline, parseBaseline } from './baseline.ts';
import { findingsJson } from './findings-json.ts';
import { summaryJson } from './summary-json.ts';
import { sampleResult } from './test-result.ts';

describe('compareWithBaseline', () => {
  const current = sampleResult().findings.map((f) => ({ ...f, baseline: undefined }));

  it('marks findings known or new by operation + check + cause, and lists the rest as fixed', () => {
    const previous = parseBaseline(JSON.parse(findingsJson(sampleResult())));
    const gone = { operation: 'GET /gone', check: 'not_a_server_error', cause: 'status 500' };
    const { findings, fixed } = compareWithBaseline(current.slice(1), [...previous, gone]);
    expect(findings.map((f) => f.baseline)).toEqual(['known', 'known']);
    expect(fixed.map((f) => f.cause)).toEqual(['body/created type', 'status 500']);
  });

  it('does not match on message or occurrences, only on the key', () => {
    const baseline = [{ ...current[0]!, message: 'older wording', occurrences: 99 }];
    expect(compareWithBaseline(current.slice(0, 1), baseline).findings[0]!.baseline).toBe('known');
    expect(compareWithBaseline(current.slice(0, 1), [{ ...current[0]!, cause: 'other' }]).findings[0]!.baseline).toBe(
      'new',
    );
  });

  it('reads an array or {findings}, and ignores malformed entries', () => {
    const entry = { operation: 'GET /a', check: 'x', cause: 'c' };
    expect(parseBaseline([entry, { operation: 1 }, null])).toEqual([entry]);
    expect(parseBaseline({ findings: [entry] })).toEqual([entry]);
    expect(parseBaseline('nonsense')).toEqual([]);
  });
});

describe('findings.json and summary.json', () => {
  it('findings.json has the documented fields', () => {
    const [first] = JSON.parse(findingsJson(sampleResult())) as Array<Record<string, unknown>>;
    expect(Object.keys(first!)).toEqual(
      expect.arrayContaining([
        'operation',
        'check',
        'severity',
        'message',
        'request',
        'response',
        'curl',
        'seed',
        'specLocation',
        'cause',
        'occurrences',
        'replay',
      ]),
    );
    expect(first).toMatchObject({
      operation: 'GET /things/{id}',
      check: 'response_schema_conformance',
      severity: 'error',
      seed: 7,
      occurrences: 4,
      response: { status: 200 },
    });
  });

  it('summary.json counts findings by check and severity', () => {
    const s = JSON.parse(summaryJson(sampleResult()));
    expect(s).toMatchObject({
      seed: 7,
      specSha256: 'ab'.repeat(32),
      target: 'http://127.0.0.1:4010',
      durationMs: 2500,
      requests: 27,
      exitCode: 1,
      operations: { total: 4, reached: 3 },
    });
    expect(s.findings).toMatchObject({ total: 3, bySeverity: { error: 2, warn: 1 }, new: 1, known: 1, fixed: 1 });
    expect(s.findings.byCheck.negative_data_rejection).toEqual({ error: 1, warn: 0 });
  });
});
