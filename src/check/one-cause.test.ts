import { describe, expect, it } from 'vitest';
import { CHECKS, runChecks } from './index.ts';
import { oneFindingPerCause } from './one-cause.ts';
import { contextOf, exchangeOf } from './test-kit.ts';
import { THINGS } from './test-spec.ts';

const closed = contextOf(THINGS, 'GET /closed');
const found = (status: number, checks = CHECKS) =>
  runChecks(exchangeOf({ path: '/closed', status, requestHeaders: { 'x-api-key': 'k' } }), checks, closed).findings;

describe('one cause, one finding', () => {
  it('a 5xx is one server-error finding, not also an undocumented status, and says it is undocumented', () => {
    const out = found(500);
    expect(out.map((f) => [f.checkId, f.cause])).toEqual([['not_a_server_error', 'status 500']]);
    expect(out[0]!.message).toMatch(/Also undocumented: the operation documents 200$/);
  });

  it('a missing route (404 for a valid case) is one refusal, not also status drift', () => {
    expect(found(404).map((f) => [f.checkId, f.cause])).toEqual([['positive_data_acceptance', 'status 404']]);
  });

  it('the status check still reports the status when the owning check is not selected', () => {
    const noServerError = CHECKS.filter((c) => c.id !== 'not_a_server_error');
    expect(found(500, noServerError).map((f) => [f.checkId, f.cause])).toEqual([
      ['status_code_conformance', 'status 500'],
    ]);
  });

  it("over one operation's findings: a status undocumented on one case and refusing a valid case is one finding", () => {
    const status = found(
      404,
      CHECKS.filter((c) => c.id !== 'positive_data_acceptance'),
    )[0]!; // a boundary case's view
    const refusal = found(404)[0]!;
    const other = found(500)[0]!;
    const status500 = found(
      500,
      CHECKS.filter((c) => c.id !== 'not_a_server_error'),
    )[0]!;
    const folded = oneFindingPerCause([status, other, refusal, status500]);
    expect(folded.map((f) => [f.checkId, f.cause])).toEqual([
      ['not_a_server_error', 'status 500'],
      ['positive_data_acceptance', 'status 404'],
    ]);
    expect(folded[1]!.message.match(/Also undocumented/g)).toHaveLength(1);
  });
});
