import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportedFinding } from '../types.ts';
import { causeId, findingId } from './baseline.ts';
import { causeGroups } from './causes.ts';
import { dedupeFindings } from './findings.ts';
import { reportMarkdown } from './markdown.ts';
import { summaryJson } from './summary-json.ts';
import { sampleResult } from './test-result.ts';

const finding = (operation: string, checkId: string, cause: string, over: Partial<ReportedFinding> = {}) =>
  ({
    operation,
    checkId,
    cause,
    severity: 'error',
    message: cause,
    seed: 1,
    occurrences: 1,
    ...over,
  }) as ReportedFinding;

describe('root causes', () => {
  it('one cause many operations share is one group listing them, errors and the widest first', () => {
    const groups = causeGroups([
      finding('GET /a', 'unsupported_method', 'status 404 instead of 405', { severity: 'warn' }),
      finding('GET /a', 'status_code_conformance', 'status 415'),
      finding('GET /b', 'status_code_conformance', 'status 415', { occurrences: 3 }),
      finding('GET /b', 'unsupported_method', 'status 404 instead of 405', { severity: 'warn' }),
      finding('GET /c', 'unsupported_method', 'status 404 instead of 405', { severity: 'warn' }),
    ]);
    expect(groups.map((g) => [g.cause, g.severity, g.operations, g.occurrences])).toEqual([
      ['status 415', 'error', ['GET /a', 'GET /b'], 4],
      ['status 404 instead of 405', 'warn', ['GET /a', 'GET /b', 'GET /c'], 3],
    ]);
  });

  it('ids depend on operation, check and cause only: never on message, example, seed or occurrences', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), fc.nat(), (message, seed, occurrences) => {
        const a = finding('GET /a', 'c', 'status 415');
        const b = finding('GET /a', 'c', 'status 415', { message, seed, occurrences });
        expect([findingId(b), causeId(b)]).toEqual([findingId(a), causeId(a)]);
      }),
    );
    expect(findingId(finding('GET /b', 'c', 'status 415'))).not.toBe(findingId(finding('GET /a', 'c', 'status 415')));
    expect(causeId(finding('GET /b', 'c', 'status 415'))).toBe(causeId(finding('GET /a', 'c', 'status 415')));
  });

  it('dedupe unites the instances of a cause, counting all and keeping the first as examples', () => {
    const names = Array.from({ length: 30 }, (_, i) => `/p${i}`);
    const out = dedupeFindings([
      finding('GET /a', 'c', 'body: undeclared properties', { details: names.slice(0, 20) }),
      finding('GET /a', 'c', 'body: undeclared properties', { details: names.slice(10) }),
    ]);
    expect(out).toHaveLength(1);
    expect([out[0]!.occurrences, out[0]!.detailCount, out[0]!.details]).toEqual([2, 30, names.slice(0, 20)]);
  });

  it('report.md opens with the top causes and states a shared cause once, listing its operations', () => {
    const base = sampleResult();
    const shared = ['GET /a', 'GET /b', 'GET /c'].map((op) => finding(op, 'status_code_conformance', 'status 415'));
    const md = reportMarkdown({ ...base, findings: [...base.findings, ...shared] });
    const top = md.indexOf('## Top causes');
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(md.indexOf('## Findings'));
    expect(md).toContain(
      '| ❌ | `status 415` | `status_code_conformance` | 3 | 3 | 3 | `GET /a`, `GET /b`, `GET /c` |',
    );
    expect(md).toContain('Operations: `GET /a`, `GET /b`, `GET /c`');
    expect(md).not.toContain('### `GET /b`');
  });
});

describe('verdict policy in the reports', () => {
  const policy = [{ id: 'rate-limited', rule: 'A 429 is inconclusive.' }];
  const r = { ...sampleResult(), verdictPolicy: policy, inconclusive: 4 };

  it('report.md shows the rules that decided and the inconclusive count; summary.json carries both', () => {
    const md = reportMarkdown(r);
    expect(md).toContain(
      '## Verdict policy\n\n4 answers inconclusive (judged by no check).\n\n- `rate-limited`: A 429 is inconclusive.',
    );
    expect(JSON.parse(summaryJson(r))).toMatchObject({ inconclusive: 4, verdictPolicy: policy });
  });
});
