import { describe, expect, it } from 'vitest';
import type { Exchange, Finding, Operation } from '../types.ts';
import { statusesNeverSeen } from './coverage.ts';
import { compareWithBaseline } from './baseline.ts';
import { dedupeFindings, findingsExitCode, foldInto } from './findings.ts';

const f = (cause: string, query: string, severity: Finding['severity'] = 'error'): Finding => ({
  checkId: 'c',
  severity,
  operation: 'GET /x',
  message: cause,
  cause,
  seed: 1,
  exchange: { case: { query, path: '/x' } } as Exchange,
});

describe('findings', () => {
  it('dedupe keeps one per (operation, check, cause), the smallest example, and counts occurrences', () => {
    const out = dedupeFindings([f('a', 'long=1'), f('b', 'q'), f('a', 's'), f('a', 'mid=')]);
    expect(out.map((x) => [x.cause, x.exchange!.case.query, x.occurrences])).toEqual([
      ['a', 's', 3],
      ['b', 'q', 1],
    ]);
  });

  it('a later phase meeting a drift the run reported adds occurrences to it, not a second finding', () => {
    const run = [dedupeFindings([f('a', 'q'), f('a', 'r')]), dedupeFindings([f('b', 'q')])];
    const chain = [dedupeFindings([f('a', 'stateful'), f('new', 'stateful')])];
    const fresh = foldInto(run, chain);
    expect(fresh.flat().map((x) => x.cause)).toEqual(['new']);
    expect(run.flat().map((x) => [x.cause, x.occurrences])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
  });

  it('baseline marks new and known, lists the gone as fixed, and only new errors fail', () => {
    const current = dedupeFindings([f('a', ''), f('b', '', 'warn')]);
    const { findings, fixed } = compareWithBaseline(current, dedupeFindings([f('a', ''), f('gone', '')]));
    expect(findings.map((x) => [x.cause, x.baseline])).toEqual([
      ['a', 'known'],
      ['b', 'new'],
    ]);
    expect(fixed.map((x) => x.cause)).toEqual(['gone']);
    expect(findingsExitCode(findings)).toBe(0); // the new one is only a warning
    expect(findingsExitCode(current)).toBe(1); // no baseline: every error counts
  });
});

describe('statusesNeverSeen', () => {
  const op = { object: { responses: { '200': {}, '404': {}, '4XX': {}, default: {} } } } as unknown as Operation;
  it.each([
    [[], ['200', '404', '4XX']],
    [[200, 404], []],
    [[200, 422], ['404']],
  ])('seen %j → never seen %j', (seen, want) => expect(statusesNeverSeen(op, new Set(seen))).toEqual(want));
});
