import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import { buildPlan } from './plan.ts';
import { SUITE_ONLY_REASON, suitePlan } from './suite-plan.ts';

describe('suitePlan', () => {
  const spec = specFromText(
    `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { responses: { '200': { description: ok } } } }\n`,
  );
  const plan = buildPlan(spec, { available: [] }, 1);
  it.each([
    ['no suite: the plan as built', [], false, ['GET /a'], []],
    ['a suite: only the suite runs', ['s.arazzo.yaml'], false, [], [SUITE_ONLY_REASON]],
    ['a suite with --fuzz: both', ['s.arazzo.yaml'], true, ['GET /a'], []],
  ] as const)('%s', (_name, suites, fuzz, planned, reasons) => {
    const p = suitePlan(plan, [...suites], fuzz);
    expect(p.operations.map((o) => o.operation.key)).toEqual(planned);
    expect(p.skipped.map((s) => s.reason)).toEqual(reasons);
  });
});
