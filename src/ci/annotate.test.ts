/** Laws of the CI scripts: annotations land on the spec line, escape what GitHub would misread, and count new drift. */
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../format/workflow-command.ts';
import { annotations, levelOf, newCounts, readFindings, type FindingEntry } from './annotate.ts';
import { DRIFT_MARKER, driftIssue } from './drift-issue.ts';

const finding = (over: Partial<FindingEntry> = {}): FindingEntry => ({
  operation: 'GET /v1/models',
  check: 'response_schema_conformance',
  severity: 'error',
  message: 'Received: 500\nDocumented: 200, 404',
  specLocation: { file: '/repo/openapi.json', line: 120, column: 9 },
  ...over,
});

describe('annotations', () => {
  it.each([
    [
      'error, new',
      finding(),
      '::error file=openapi.json,line=120,col=9,title=response_schema_conformance%3A GET /v1/models::Received: 500%0ADocumented: 200, 404',
    ],
    [
      'warn',
      finding({ severity: 'warn', specLocation: { file: 'openapi.json', line: 3 } }),
      '::warning file=openapi.json,line=3,title=response_schema_conformance%3A GET /v1/models::Received: 500%0ADocumented: 200, 404',
    ],
    [
      'known drift is a notice',
      finding({ baseline: 'known', specLocation: null }),
      '::notice title=response_schema_conformance%3A GET /v1/models::Received: 500%0ADocumented: 200, 404',
    ],
    [
      'a URL is no workspace file',
      finding({ specLocation: { file: 'https://x.test/openapi.json', line: 2 }, message: '100%' }),
      '::error title=response_schema_conformance%3A GET /v1/models::100%25',
    ],
  ])('%s', (_name, f, want) => {
    expect(annotations([f], '/repo')).toEqual([want]);
  });

  it('puts errors first and caps the count with a notice', () => {
    const many = [finding({ severity: 'warn' }), ...Array.from({ length: 5 }, () => finding())];
    const out = annotations(many, '/repo', 3);
    expect(out).toHaveLength(4);
    expect(out.slice(0, 3).every((l) => l.startsWith('::error'))).toBe(true);
    expect(out[3]).toBe('::notice::3 more finding(s) in findings.json');
  });

  it('escapes so that no message can end the command or add a property', () => {
    for (const text of ['a\nb', 'x::y', 'p,q:r', '%0A', '\r\n::error::boom']) {
      expect(escapeData(text)).not.toMatch(/[\r\n]/);
      expect(escapeProperty(text)).not.toMatch(/[\r\n:,]/);
    }
  });

  it('reads both findings.json shapes and counts only new drift', () => {
    const list = [finding(), finding({ severity: 'warn' }), finding({ baseline: 'known' })];
    expect(readFindings(JSON.stringify(list))).toEqual(list);
    expect(readFindings(JSON.stringify({ findings: list }))).toEqual(list);
    expect(newCounts(list)).toEqual({ errors: 1, warnings: 1 });
    expect(list.map(levelOf)).toEqual(['error', 'warning', 'notice']);
  });
});

describe('drift issue', () => {
  it('lists new drift only, with its place, and says how to accept it', () => {
    const { fresh, body } = driftIssue(
      [finding({ message: 'a|b' }), finding({ baseline: 'known', operation: 'GET /v1/other' })],
      'https://gh/run/1',
    );
    expect(fresh).toBe(1);
    expect(body.startsWith(DRIFT_MARKER)).toBe(true);
    expect(body).toContain(
      '| error | GET /v1/models | `response_schema_conformance` | /repo/openapi.json:120 | a\\|b |',
    );
    expect(body).not.toContain('GET /v1/other');
    expect(body).toContain('Known drift (in the committed baseline): 1');
    expect(body).toContain('https://gh/run/1');
  });

  it('reports zero new drift when everything is known', () => {
    expect(driftIssue([finding({ baseline: 'known' })]).fresh).toBe(0);
  });
});
