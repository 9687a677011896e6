/** The one base-URL rule end to end: a doubled prefix is dropped and said; a base URL answering 404 is flagged. */
import { describe, expect, it } from 'vitest';
import { run } from './pipeline.ts';
import { createReferenceServer } from './reference/index.ts';
import { STAGES } from './stages.ts';

const KEY = 'sk-aig-base-url-test';

async function runAgainst(suffix: string, include: string[]) {
  const server = createReferenceServer({ key: KEY });
  const { url } = await server.listen(0);
  const warnings: string[] = [];
  try {
    const result = await run(
      {
        spec: STAGES.referenceSpec,
        baseUrl: `${url}${suffix}`,
        env: { SPECGATE_TOKEN: KEY },
        include,
        seed: 7,
        writeReports: false,
        onWarning: (w) => warnings.push(w),
      },
      STAGES,
    );
    return { result, warnings, url };
  } finally {
    await server.close();
  }
}

describe('base URL convention (run, certify and suites share send/base-url.ts)', () => {
  it('--base-url …/v1 for a spec whose paths start with /v1 sends /v1/models, not /v1/v1/models', async () => {
    const { result, warnings, url } = await runAgainst('/v1', ['GET /v1/models', 'GET /v1/models/{id}']);
    expect(warnings).toEqual([expect.stringContaining(`requests go to ${url}/v1/chat/completions (not ${url}/v1/v1/`)]);
    expect(result.notes).toContain(warnings[0]);
    expect(result.coverage.find((c) => c.operation === 'GET /v1/models')?.statusesSeen).toContain(200);
    expect(result.findings.map((f) => `${f.operation} ${f.checkId}`)).toEqual([]);
  }, 60_000);

  it('a base URL under which every path answers 404 is flagged', async () => {
    const { warnings } = await runAgainst('/nowhere', ['GET /v1/models', 'GET /v1/balance', 'GET /v1/usage']);
    expect(warnings).toEqual([
      expect.stringMatching(/^the base URL may be wrong: 3 of 3 operations answered only 404/),
    ]);
  }, 60_000);
});
