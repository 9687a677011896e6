/**
 * A run with OAuth2 client credentials fetches its token before sending, authorises every request with it (the
 * reference server answers nothing but 401 without it), and keeps it out of every report file.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReferenceServer } from '../reference/index.ts';
import { startServer } from './test-servers.ts';
import { Agent } from 'undici';
import { loadSpec } from '../load/index.ts';
import type { Credentials } from '../credentials/index.ts';
import { STAGES } from '../stages.ts';
import { withDefaults } from '../run-options.ts';
import { startToken } from './token.ts';
import { run } from '../pipeline.ts';

const deps = STAGES;
const REFERENCE_KEY = deps.referenceKey;
const spec = path.resolve(import.meta.dirname, '../../openapi.json');

describe('run with OAuth2 client credentials', () => {
  it('fetches the token first, sends it everywhere, and redacts it from every report', async () => {
    const grants: string[] = [];
    const tokens = await startServer((req, res) => {
      grants.push(String(req.headers.authorization));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: REFERENCE_KEY, token_type: 'Bearer', expires_in: 3600 }));
    });
    const api = createReferenceServer({ key: REFERENCE_KEY });
    const { url } = await api.listen(0);
    const reportDir = mkdtempSync(path.join(os.tmpdir(), 'specgate-oauth2-'));
    try {
      const result = await run(
        {
          spec,
          baseUrl: url,
          seed: 5,
          include: ['listModels', 'getBalance'],
          reportDir,
          env: {
            SPECGATE_OAUTH2_CLIENT_ID: 'app',
            SPECGATE_OAUTH2_CLIENT_SECRET: 'cs-secret-77',
            SPECGATE_OAUTH2_TOKEN_URL: `${tokens.url}/token`,
          },
        },
        deps,
      );
      expect(grants).toEqual([`Basic ${Buffer.from('app:cs-secret-77').toString('base64')}`]);
      expect(result.findings.map((f) => `${f.operation} ${f.checkId}: ${f.cause}`)).toEqual([]);
      expect(result.coverage.filter((c) => c.reached).map((c) => c.statusesSeen.some((s) => s < 300))).toEqual([
        true,
        true,
      ]);
      for (const file of readdirSync(reportDir)) {
        const text = readFileSync(path.join(reportDir, file), 'utf8');
        expect(text, file).not.toContain(REFERENCE_KEY);
        expect(text, file).not.toContain('cs-secret-77');
      }
    } finally {
      await api.close();
      await tokens.close();
    }
  }, 30_000);

  it('fetches the token again before it expires, and hands each new one to the scrubber', async () => {
    let issued = 0;
    const tokens = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: `tok-${++issued}`, expires_in: 1 })); // refreshed at the 5 s floor
    });
    const dispatcher = new Agent();
    const creds: Credentials = { headers: [], perScheme: {}, marked: [] };
    const secrets: string[] = [];
    const notes: string[] = [];
    try {
      const options = withDefaults({
        env: {
          SPECGATE_OAUTH2_CLIENT_ID: 'app',
          SPECGATE_OAUTH2_CLIENT_SECRET: 's',
          SPECGATE_OAUTH2_TOKEN_URL: `${tokens.url}/t`,
        },
      });
      const token = await startToken(
        options,
        await loadSpec(spec),
        tokens.url,
        dispatcher,
        creds,
        (t) => secrets.push(t),
        notes,
      );
      expect(creds.token).toBe('tok-1');
      await new Promise((r) => setTimeout(r, 5_600));
      token!.stop();
      expect(creds.token).toBe('tok-2');
      expect(secrets).toEqual(['tok-1', 'tok-2']);
      expect(notes).toEqual([]);
    } finally {
      await dispatcher.close();
      await tokens.close();
    }
  }, 20_000);

  it('a refused grant stops the run with AUTH_FAILED (exit 2)', async () => {
    const tokens = await startServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"invalid_client"}');
    });
    const api = createReferenceServer({ key: REFERENCE_KEY });
    const { url } = await api.listen(0);
    try {
      const attempt = run(
        {
          spec,
          baseUrl: url,
          writeReports: false,
          env: {
            SPECGATE_OAUTH2_CLIENT_ID: 'app',
            SPECGATE_OAUTH2_CLIENT_SECRET: 'nope',
            SPECGATE_OAUTH2_TOKEN_URL: `${tokens.url}/token`,
          },
        },
        deps,
      );
      await expect(attempt).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    } finally {
      await api.close();
      await tokens.close();
    }
  });
});
