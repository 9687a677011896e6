/** Laws of the live probe allowance: an accepted case with live values gets one probe per check of its own. */
import { describe, expect, it } from 'vitest';
import type { Case, Exchange } from '../types.ts';
import { probeAllowance } from './live-probes.ts';

const exchange = (live?: Record<string, string>): Exchange =>
  ({ case: { id: 'c', ...(live ? { live } : {}) } as Case, request: {}, durationMs: 1 }) as Exchange;

describe('probeAllowance', () => {
  it('a generated case shares the operation allowance', () => {
    const a = probeAllowance({ ignored_auth: 2 }, exchange(), true, 2);
    expect([a.asked, a.limit]).toEqual([{ ignored_auth: 2 }, 2]);
    expect(a.merge({ ignored_auth: 2, other: 1 })).toEqual({ ignored_auth: 2, other: 1 });
  });

  it('an accepted case with live values gets one probe per check even when the allowance is spent', () => {
    const spent = { ignored_auth: 2, missing_required_header: 2 };
    const a = probeAllowance(spent, exchange({ id: 'POST /x → 201 body.id' }), true, 2);
    expect([a.asked, a.limit]).toEqual([{}, 1]);
    const after = a.merge({ ignored_auth: 1 });
    expect(after).toEqual({ ...spent, 'live:ignored_auth': 1 });
    expect(probeAllowance(after, exchange({ id: 'x' }), true, 2).asked).toEqual({ ignored_auth: 1 });
  });

  it('the fallback probes (from any answer, not only accepted ones) stay under the shared allowance', () => {
    expect(probeAllowance({ ignored_auth: 2 }, exchange({ id: 'x' }), false, 2).limit).toBe(2);
  });
});
