/**
 * The no-regression law: for fixed seeds, `specgate run` against the reference server (clean and with every drift)
 * and `specgate generate` give the outputs kept in fixtures/golden/, byte for byte once timestamps, durations, ports
 * and the server's random ids are masked. A change of behaviour that is meant shows up here and is committed with
 * `npm run golden -- --update`; a change that is not meant fails.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, SHARED_SPECS, differences, normalize, produce } from './no-regression.ts';

const own = SCENARIOS.filter((s) => !s.needsShared);
const shared = SCENARIOS.filter((s) => s.needsShared);

describe('fixed seeds give the golden outputs', () => {
  it.each(own.map((s) => [s.name, s] as const))(
    '%s',
    async (_name, scenario) => {
      expect(differences(scenario.name, await produce(scenario))).toEqual([]);
    },
    240_000,
  );
});

describe.skipIf(!existsSync(SHARED_SPECS))(
  'fixed seeds give the golden outputs on third-party specs (../shared/specs)',
  () => {
    it.each(shared.map((s) => [s.name, s] as const))(
      '%s',
      async (_name, scenario) => {
        expect(differences(scenario.name, await produce(scenario))).toEqual([]);
      },
      120_000,
    );
  },
);

describe('the normalizer masks only what the harness does not decide', () => {
  it('masks times, ports, ids and durations', () => {
    const text =
      '2026-12-02T05:36:27.475Z http://127.0.0.1:43745 req_e4c6e9c2660c3aafee65efda "durationMs": 131 took 1.8 s';
    expect(normalize(text)).toBe('<time> http://127.0.0.1:<port> req_<hex> "durationMs": <ms> took <dur>');
  });
  it('keeps statuses, counts and messages', () => {
    const text = '"status": 500, "occurrences": 16, Received: 206';
    expect(normalize(text)).toBe(text);
  });
});
