/**
 * Laws of the benchmark's scoring: a finding proves a drift only on its operation, with one of its checks, with
 * its cause and at error or warn level; in clean mode every error finding is a false positive; a trap claims the
 * findings on the answers it provoked.
 */
import { describe, expect, it } from 'vitest';
import type { PlantedDrift, Trap } from '../targets/types.ts';
import { type Finding, grouped, proves, recallByClass, type RunRecord, scoreRun } from './score.ts';

const drift: PlantedDrift = {
  name: 'no-location',
  class: 'unique',
  operation: 'POST /books',
  detectedBy: ['response_headers_conformance'],
  cause: /location/i,
  description: 'd',
};
const trap: Trap = { name: 'switch', class: 'switch', operation: 'PUT /admin', status: 503, description: 't' };
const hit: Finding = {
  operation: 'POST /books',
  check: 'response_headers_conformance',
  severity: 'error',
  cause: 'header location missing',
};
const run = (mode: RunRecord['mode'], findings: Finding[]): RunRecord => ({
  target: 't',
  mode,
  budget: 30,
  seed: 1,
  wallMs: 1,
  requests: 1,
  runMs: 1,
  exitCode: 1,
  findings,
});

describe('scoring', () => {
  it('a finding proves a drift only with its operation, check, cause and an error or warn level', () => {
    expect(proves(drift, hit)).toBe(true);
    expect(proves(drift, { ...hit, severity: 'warn', checkId: 'response_headers_conformance', check: undefined })).toBe(
      true,
    );
    expect(proves(drift, { ...hit, operation: 'GET /books' })).toBe(false);
    expect(proves(drift, { ...hit, check: 'response_schema_conformance' })).toBe(false);
    expect(proves(drift, { ...hit, cause: 'header etag missing' })).toBe(false);
    expect(proves(drift, { ...hit, severity: 'info' })).toBe(false);
    expect(proves({ ...drift, cause: undefined }, { ...hit, cause: 'anything' })).toBe(true);
    expect(proves({ ...drift, seenOn: ['POST hook'] }, { ...hit, operation: 'POST hook' })).toBe(true);
  });

  it('drift mode: proving findings count, the rest is unexplained; clean mode: every error is a false positive', () => {
    const other: Finding = { ...hit, operation: 'GET /x', cause: 'status 500' };
    const warn: Finding = { ...other, severity: 'warn', response: { status: 503 } };
    const target = { drifts: [drift], traps: [trap] };
    const drifted = scoreRun(target, run('drift', [hit, other, warn]));
    expect([...drifted.found]).toEqual(['no-location']);
    expect(drifted.unexplained).toEqual([other, warn]);
    expect(drifted.trapHits.get('switch')).toEqual([warn]);
    const clean = scoreRun(target, run('clean', [hit, other, warn]));
    expect([...clean.found]).toEqual([]);
    expect(clean.unexplained).toEqual([hit, other]);
  });

  it('per-class recall is the mean over runs; grouping counts distinct runs', () => {
    const target = { drifts: [drift], traps: [] };
    const scores = [scoreRun(target, run('drift', [hit])), scoreRun(target, run('drift', []))];
    expect(recallByClass([drift], scores).get('unique')).toEqual({ planted: 1, found: 0.5 });
    const groups = grouped([
      { finding: hit, run: 'a' },
      { finding: hit, run: 'a' },
      { finding: hit, run: 'b' },
    ]);
    expect(groups.map((g) => g.runs)).toEqual([['a', 'b']]);
  });
});
