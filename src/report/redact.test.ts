import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exchangeOf } from '../check/test-kit.ts';
import { toCurl } from './curl.ts';
import { REPORTERS } from './index.ts';
import { isSecretName, redact, redactHeaders, REDACTED } from './redact.ts';
import { sampleResult, SECRET } from './test-result.ts';

describe('secrets never reach a report', () => {
  it.each(REPORTERS.map((r) => [r.filename, r] as const))(
    '%s carries no secret sent in a header, query, cookie or echoed in a body',
    (_, reporter) => {
      const r = sampleResult();
      r.findings[0]!.message += `\nReceived: "token": "${SECRET}"`;
      const out = reporter.run(r);
      expect(out).not.toContain(SECRET);
    },
  );

  it('redacts the spec-declared apiKey names too (RunResult.secretNames)', () => {
    const r = sampleResult({ secretNames: ['X-Tenant'] });
    r.findings[0]!.exchange!.request.headers['X-Tenant'] = 'tenant-credential-42';
    for (const reporter of REPORTERS) expect(reporter.run(r)).not.toContain('tenant-credential-42');
  });
});

describe('isSecretName', () => {
  it.each([
    ['Authorization', true],
    ['Proxy-Authorization', true],
    ['Cookie', true],
    ['Set-Cookie', true],
    ['X-API-Key', true],
    ['api-key', true],
    ['api_key', true],
    ['access_token', true],
    ['X-Client-Secret', true],
    ['password', true],
    ['key', true],
    ['Idempotency-Key', false],
    ['Content-Type', false],
    ['X-Request-Id', false],
    ['monkey', false],
    ['keyword', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });
});

describe('redact', () => {
  const ex = exchangeOf({
    query: `api_key=${SECRET}&q=1`,
    requestHeaders: { Authorization: `Bearer ${SECRET}`, Accept: 'application/json' },
    body: { echo: SECRET },
    headers: { 'set-cookie': `sid=${SECRET}` },
  });

  it('replaces secret headers and query values, and the same values anywhere else', () => {
    const safe = redact(ex);
    expect(JSON.stringify(safe)).not.toContain(SECRET);
    expect(safe.request.headers).toEqual({ Authorization: REDACTED, Accept: 'application/json' });
    expect(safe.request.url).toBe(`http://127.0.0.1:9/api/things/1?api_key=${REDACTED}&q=1`);
    expect(safe.response!.body).toBe(`{"echo":"${REDACTED}"}`);
  });

  it('leaves the original exchange untouched', () => {
    redact(ex);
    expect(ex.request.headers.Authorization).toBe(`Bearer ${SECRET}`);
  });

  it('redactHeaders keeps names and ordinary values', () => {
    expect(redactHeaders({ 'X-API-Key': 'abc', 'X-Trace': 't' })).toEqual({ 'X-API-Key': REDACTED, 'X-Trace': 't' });
  });
});

describe('toCurl', () => {
  /** Runs the command with `curl` replaced by a function printing its arguments, one per line. */
  const argv = (cmd: string, env: Record<string, string> = {}): string[] =>
    execFileSync('bash', ['-c', `curl() { printf '%s\\n' "$@"; }; ${cmd}`], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    })
      .trimEnd()
      .split('\n');

  it('is shell-safe and sends back exactly the same arguments', () => {
    const tricky = exchangeOf({
      method: 'POST',
      path: "/it's",
      requestHeaders: { 'X-Note': 'a"$HOME`id`\\' },
      requestBody: { name: "o'neil $(rm -rf /)" },
    });
    expect(argv(toCurl(tricky))).toEqual([
      '-X',
      'POST',
      "http://127.0.0.1:9/api/it's",
      '-H',
      'X-Note: a"$HOME`id`\\',
      '--data-raw',
      `{"name":"o'neil $(rm -rf /)"}`,
    ]);
  });

  it('puts placeholders where secrets were, which the shell fills from the environment', () => {
    const ex = exchangeOf({
      query: `api_key=${SECRET}`,
      requestHeaders: { Authorization: `Bearer ${SECRET}`, 'X-API-Key': SECRET },
    });
    const cmd = toCurl(ex);
    expect(cmd).not.toContain(SECRET);
    expect(cmd).toContain('-H "Authorization: Bearer ${SPECGATE_TOKEN}"');
    expect(argv(cmd, { SPECGATE_TOKEN: 'T' })).toEqual([
      'http://127.0.0.1:9/api/things/1?api_key=T',
      '-H',
      'Authorization: Bearer T',
      '-H',
      'X-API-Key: T',
    ]);
  });

  it('uses --head for HEAD and names the method otherwise', () => {
    expect(toCurl(exchangeOf({ method: 'HEAD' }))).toBe("curl --head 'http://127.0.0.1:9/api/things/1'");
    expect(toCurl(exchangeOf({ method: 'DELETE' }))).toBe("curl -X DELETE 'http://127.0.0.1:9/api/things/1'");
  });
});
