/**
 * Repros that reproduce: a real run against the embedded reference server with the drifts planted and a
 * credential from `SPECGATE_AUTH_BEARERAUTH`, then every single-exchange finding's curl command replayed as
 * printed in findings.json (`sh -c`, with that variable set) must get the status the run recorded. Every report
 * file is also searched for the credential. `no-retry-after` is left out: its finding is a 429 from a per-minute
 * request count, which no single request recreates (and which would answer the other chat repros with 429 too).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKS } from './check/index.ts';
import { run } from './pipeline.ts';
import { createReferenceServer, DRIFTS } from './reference/index.ts';
import { STAGES } from './stages.ts';

const hasCurl = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v curl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const KEY = 'sk-aig-replay-7Qw2Xe9Rt4Yu';
const ENV = { SPECGATE_AUTH_BEARERAUTH: KEY };
const DRIFT = DRIFTS.map((d) => d.name).filter((n) => n !== 'no-retry-after');
const SINGLE = new Set(CHECKS.filter((c) => c.kind !== 'sequence').map((c) => c.id));

interface Entry {
  operation: string;
  check: string;
  cause: string;
  curl: string | null;
  request: { headers: Record<string, string> } | null;
  response: { status: number } | null;
}

/** Runs one printed curl command through the shell and resolves to the status it got. */
function replay(curl: string): Promise<number> {
  const cmd = `${curl} -s -o /dev/null -w '%{http_code}' --max-time 20`;
  return new Promise((resolve, reject) =>
    execFile('sh', ['-c', cmd], { env: { PATH: process.env.PATH ?? '', ...ENV } }, (error, stdout) =>
      error ? reject(error) : resolve(Number(stdout.trim())),
    ),
  );
}

describe.skipIf(!hasCurl)('curl repros replay as printed against the reference server (drifts planted)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'specgate-replay-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every single-exchange finding reproduces its recorded status; no report file holds the credential', async () => {
    const server = createReferenceServer({ key: KEY, drift: DRIFT });
    const { url } = await server.listen(0);
    try {
      await run(
        // Depth 0 (the plan only): a later round may use a live id the run deletes afterwards, whose repro then
        // rightly answers 404; and a per-minute rate limit spent by the rounds would answer the replay with 429.
        {
          spec: STAGES.referenceSpec,
          seed: 20261125,
          baseUrl: url,
          env: ENV,
          reportDir: dir,
          cwd: process.cwd(),
          depth: 0,
        },
        STAGES,
      );
      for (const file of readdirSync(dir)) expect(readFileSync(path.join(dir, file), 'utf8')).not.toContain(KEY);
      const entries = JSON.parse(readFileSync(path.join(dir, 'findings.json'), 'utf8')) as Entry[];
      // A 429 is reached by volume (the rate-limit burst), not by one request: replaying one request alone
      // cannot show it once the window has rolled over, so those findings are not single-exchange repros.
      const single = entries.filter((e) => e.curl && e.response && SINGLE.has(e.check) && e.response.status !== 429);
      expect(single.length).toBeGreaterThan(5);
      const got: string[] = [];
      for (const e of single) got.push(`${e.operation} ${e.check} ${e.cause}: ${await replay(e.curl!)}`);
      expect(got).toEqual(single.map((e) => `${e.operation} ${e.check} ${e.cause}: ${e.response!.status}`));
      // Each repro is labelled by what it shows: its own finding's check, cause and recorded status.
      for (const e of single)
        expect(e.curl!.split('\n')[0]).toBe(`# shows ${e.check}: ${e.cause} (HTTP ${e.response!.status})`);
      // The credential is read from the variable it came from (probes of ignored_auth send none).
      const authorized = single.filter((e) => e.request?.headers.authorization !== undefined);
      expect(authorized.length).toBeGreaterThan(0);
      for (const e of authorized) expect(e.curl).toContain('Bearer ${SPECGATE_AUTH_BEARERAUTH}');
    } finally {
      await server.close();
    }
  }, 300_000);
});
