import { describe, expect, it } from 'vitest';
import { CHECKS, judges, judgingChecks, PROFILES, runChecks, runSequenceChecks, SUITE_FINDINGS } from './index.ts';
import type { Check } from './check.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';

const ctx = contextOf(THINGS, 'GET /things/{id}');

describe('CHECKS', () => {
  it('has unique snake_case ids, a description and a default severity each', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(c.description.length).toBeGreaterThan(20);
      expect(['error', 'warn']).toContain(c.defaultSeverity);
    }
  });

  it('is the one registry: every profile names registered checks, suite-only ids never clash with a check', () => {
    const kindOf = new Map(CHECKS.map((c) => [c.id, c.kind]));
    for (const ids of Object.values(PROFILES)) for (const id of ids) expect(kindOf.has(id)).toBe(true);
    expect(PROFILES.run).toEqual(CHECKS.map((c) => c.id));
    for (const id of [...PROFILES.suite, ...PROFILES.certify]) expect(kindOf.get(id)).not.toBe('sequence');
    for (const f of SUITE_FINDINGS)
      expect([kindOf.has(f.id), f.id]).toEqual([false, expect.stringMatching(/^[a-z_]+$/)]);
  });

  it('finds nothing in a conforming exchange', () => {
    const ex = exchangeOf({ body: { id: 'a', created: 1 }, requestHeaders: { authorization: 'Bearer t' } });
    expect(runChecks(ex, CHECKS, ctx).findings).toEqual([]);
  });

  it('finds drift across checks in one bad exchange', () => {
    const ex = exchangeOf({ status: 200, body: { id: 1 }, durationMs: 5000 });
    const out = runChecks(ex, CHECKS, { ...ctx, severities: { max_response_time: 'warn' } });
    expect(out.findings.map((f) => [f.checkId, f.cause, f.severity])).toEqual([
      ['response_schema_conformance', 'body/created missing', 'error'],
      ['response_schema_conformance', 'body/id type', 'error'],
      ['max_response_time', 'slower than 1000 ms', 'warn'],
    ]);
    expect(out.checked).toContain('response_schema_conformance');
    expect(out.unchecked).toContainEqual({ check: 'negative_data_rejection', why: 'not a negative case' });
  });
});

describe('runChecks', () => {
  const boom: Check = {
    kind: 'exchange',
    id: 'boom',
    description: 'throws',
    defaultSeverity: 'error',
    run: () => {
      throw new Error('kaput');
    },
  };
  const fine: Check = {
    kind: 'exchange',
    id: 'fine',
    description: 'finds',
    defaultSeverity: 'warn',
    run: (_e, c) => [{ checkId: 'fine', severity: c.severity, operation: 'x', message: 'm', cause: 'c', seed: 1 }],
  };

  it('turns a throwing check into a note and runs the rest', () => {
    const out = runChecks(exchangeOf({}), [boom, fine], ctx);
    expect(out.notes).toEqual([
      'check boom threw on GET /things/1/positive/0: kaput (a bug in specgate; this verdict is missing)',
    ]);
    expect(out.findings).toHaveLength(1);
  });

  it('takes each check severity from ctx.severities', () => {
    expect(runChecks(exchangeOf({}), [fine], { ...ctx, severities: { fine: 'warn' } }).findings[0]!.severity).toBe(
      'warn',
    );
  });

  it('routes a probe only to its maker and the checks that judge its probes', () => {
    const probe = exchangeOf({ caseId: 'GET /things/{id}/positive/0/probe/unsupported_method', status: 405 });
    expect(
      judgingChecks(CHECKS)
        .filter((c) => judges(c, probe))
        .map((c) => c.id),
    ).toEqual(['unsupported_method', 'allow_header_conformance']);
  });

  it('runs sequence checks and survives one that throws', () => {
    const seq: Check = {
      kind: 'sequence',
      id: 'seq',
      description: 'throws on sequences',
      defaultSeverity: 'error',
      runSequence: () => {
        throw new Error('nope');
      },
    };
    expect(runSequenceChecks([exchangeOf({})], [seq], ctx).notes).toEqual([
      'check seq threw on a sequence of 1 exchanges: nope',
    ]);
  });
});
