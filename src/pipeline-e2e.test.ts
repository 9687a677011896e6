/**
 * End to end against the embedded reference server: clean, a full run finds nothing; with each drift planted,
 * the run finds it with the check DRIFTS names, on the drifted operation, and nothing else.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRIFTS } from './reference/index.ts';
import { STAGES } from './stages.ts';
import type { RunResult } from './types.ts';
import { run } from './pipeline.ts';

const deps = STAGES;
const known = new Set(deps.checks.map((c) => c.id));
const SEED = 20261125;
/** Per-drift runs: the plan's first round (what every run sends first); deeper rounds are the clean run's law. */
const ROUND_1 = { depth: 0 };
const summary = (f: { operation: string; checkId: string; cause: string }) => `${f.operation} ${f.checkId}: ${f.cause}`;

describe('specgate run against the reference server', () => {
  it('clean: a full run (the default depth, every exploration round) reaches every operation and finds nothing', async () => {
    const result = await run({ seed: SEED, writeReports: false }, deps);
    expect(result.findings.map(summary)).toEqual([]);
    expect(result.coverage.filter((c) => !c.reached).map((c) => c.reason)).toEqual(
      result.coverage.filter((c) => !c.reached).map(() => 'webhook: requests the API sends, not receives'),
    );
    expect(result.exitCode).toBe(0);
  }, 240_000);

  // Drifts with `needs` take exploration a default run may not do yet (live ids, long arrays, rare values): whether
  // a run finds them is measured by `npm run bench -- recall`, not asserted here; they must still cause no noise.
  const catchable = DRIFTS.filter((d) => known.has(d.check) && d.needs === undefined);
  const exploratory = DRIFTS.filter((d) => known.has(d.check) && d.needs !== undefined);
  it.each(catchable)(
    'drift $name → $check on $operation, and nothing unrelated',
    async (drift) => {
      // The drifted operation's whole resource (e.g. /v1/sub-accounts*): stateful chains need their siblings, and
      // the siblings must stay clean too.
      const resource = `${drift.operation.split(' ')[1]!.split('/').slice(0, 3).join('/')}*`;
      const result = await run(
        { seed: SEED, drift: [drift.name], include: [resource], writeReports: false, ...ROUND_1 },
        deps,
      );
      const expected = result.findings.filter((f) => f.operation === drift.operation && f.checkId === drift.check);
      expect(expected.map(summary)).not.toEqual([]);
      // Related = the same symptom (cause) seen by another check on the drifted operation; anything else is noise.
      const causes = new Set(expected.map((f) => f.cause));
      const unrelated = result.findings.filter(
        (f) => f.operation !== drift.operation || (f.checkId !== drift.check && !causes.has(f.cause)),
      );
      expect(unrelated.map(summary)).toEqual([]);
      expect(result.exitCode).toBe(1);
    },
    30_000,
  );

  it.each(exploratory)(
    'drift $name (needs exploration) causes no finding outside $operation',
    async (drift) => {
      const resource = `${drift.operation.split(' ')[1]!.split('/').slice(0, 3).join('/')}*`;
      const result = await run(
        { seed: SEED, drift: [drift.name], include: [resource], writeReports: false, ...ROUND_1 },
        deps,
      );
      expect(result.findings.filter((f) => f.operation !== drift.operation).map(summary)).toEqual([]);
    },
    30_000,
  );

  it('the generation thread changes nothing: same cases, same findings, same shrunk repros', async () => {
    // One worker, so the order requests reach the stateful server is the same in both runs.
    const options = {
      seed: SEED,
      drift: ['accepts-invalid', 'server-error'],
      include: ['createEmbedding', 'createRerank'],
      workers: 1,
      writeReports: false,
    };
    const [main, thread] = await Promise.all([
      run({ ...options, generationThread: false }, deps),
      run({ ...options, generationThread: true }, deps),
    ]);
    const shown = (r: RunResult) =>
      r.findings.map((f) => `${summary(f)} ×${f.occurrences}\n${f.curl?.replace(r.target, 'TARGET')}`);
    expect(shown(thread)).toEqual(shown(main));
    expect(thread.casesByKind).toEqual(main.casesByKind);
    // The 5xx is one finding (not_a_server_error), not also an undocumented status.
    expect(main.findings.map((f) => f.checkId).sort()).toEqual(['negative_data_rejection', 'not_a_server_error']);
  }, 60_000);

  // Drifts only a workflow can see (isolation between tenants, webhook signatures, spend caps): the suite that
  // proves the behaviour (suites/README.md) runs alone, as `specgate run --suite` does.
  const SUITE_FOR: Record<string, string> = {
    'tenant-leak': 'cross-tenant-isolation',
    'bad-webhook-signature': 'webhooks',
    'spend-cap-ignored': 'sub-account-lifecycle',
  };
  const suitesDir = path.resolve(import.meta.dirname, '../suites');
  it.each(DRIFTS.filter((d) => !known.has(d.check)))(
    'drift $name → $check through its suite, and nothing unrelated',
    async (drift) => {
      expect(SUITE_FOR[drift.name], `no suite named for drift ${drift.name}`).toBeDefined();
      const suite = path.join(suitesDir, `${SUITE_FOR[drift.name]}.arazzo.yaml`);
      const result = await run({ seed: SEED, drift: [drift.name], suites: [suite], writeReports: false }, deps);
      // A webhook's drift is seen on the webhook the API sends (e.g. `POST job.completed`), not on the operation that triggered it.
      const webhooks = new Set(result.coverage.filter((c) => c.reason?.startsWith('webhook')).map((c) => c.operation));
      const expected = result.findings.filter((f) => f.checkId === drift.check);
      expect(expected.map(summary)).not.toEqual([]);
      expect(
        expected.filter((f) => f.operation !== drift.operation && !webhooks.has(f.operation)).map(summary),
      ).toEqual([]);
      const causes = new Set(expected.map((f) => f.cause));
      expect(result.findings.filter((f) => f.checkId !== drift.check && !causes.has(f.cause)).map(summary)).toEqual([]);
      expect(result.workflows?.filter((w) => w.status === 'failed').map((w) => w.workflowId)).not.toEqual([]);
      expect(result.exitCode).toBe(1);
    },
    30_000,
  );

  it('clean: every suite in suites/ passes against the reference server and finds nothing', async () => {
    const suites = readdirSync(suitesDir)
      .filter((f) => f.endsWith('.arazzo.yaml'))
      .map((f) => path.join(suitesDir, f));
    const result = await run({ seed: SEED, suites, writeReports: false }, deps);
    expect(result.findings.map(summary)).toEqual([]);
    expect(result.workflows?.filter((w) => w.status !== 'passed').map((w) => `${w.workflowId}: ${w.message}`)).toEqual(
      [],
    );
    expect(result.operationsReached).toBeGreaterThan(0);
    expect(result.exitCode).toBe(0);
  }, 240_000);
});
