import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeOf } from '../check/test-kit.ts';
import { bookOf, readCredentials, SecretBook } from '../credentials/index.ts';
import { toCurl } from './curl.ts';
import { REPORTERS } from './index.ts';
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

  it('an ordinary header value (x-provider: openai) is shown in every report', () => {
    const r = sampleResult();
    r.findings[0]!.exchange!.request.headers['x-portkey-provider'] = 'openai';
    // Every report that shows the request's headers (the trace header stands for them) shows this one too.
    for (const reporter of REPORTERS.filter((x) => x.run(r).includes('x-trace')))
      expect(reporter.run(r)).toContain('x-portkey-provider: openai');
  });
});

/** Runs the command with `curl` replaced by a function printing its arguments, one per line. */
const argv = (cmd: string, env: Record<string, string> = {}): string[] =>
  execFileSync('sh', ['-c', `curl() { printf '%s\\n' "$@"; }; ${cmd}`], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  })
    .trimEnd()
    .split('\n');

describe('toCurl', () => {
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

  it('names the variable each credential came from, which the shell fills in', () => {
    const book = bookOf(readCredentials([], { SPECGATE_API_KEY: 'key-0123456789', SPECGATE_TOKEN: 'tok-9876543210' }));
    const ex = exchangeOf({
      query: 'api_key=key-0123456789&q=1',
      requestHeaders: { Authorization: 'Bearer tok-9876543210', 'X-API-Key': 'key-0123456789', 'x-provider': 'openai' },
    });
    const cmd = toCurl(ex, book);
    expect(cmd).toContain('-H "Authorization: Bearer ${SPECGATE_TOKEN}"');
    expect(cmd).toContain('-H "X-API-Key: ${SPECGATE_API_KEY}"');
    expect(cmd).toContain("-H 'x-provider: openai'");
    expect(argv(cmd, { SPECGATE_TOKEN: 'T', SPECGATE_API_KEY: 'K' })).toEqual([
      'http://127.0.0.1:9/api/things/1?api_key=K&q=1',
      '-H',
      'Authorization: Bearer T',
      '-H',
      'X-API-Key: K',
      '-H',
      'x-provider: openai',
    ]);
  });

  it('sends http basic credentials with -u from SPECGATE_USERNAME and SPECGATE_PASSWORD', () => {
    const book = bookOf(readCredentials([], { SPECGATE_USERNAME: 'ann', SPECGATE_PASSWORD: 'pw-789' }));
    const basic = Buffer.from('ann:pw-789').toString('base64');
    const cmd = toCurl(exchangeOf({ requestHeaders: { authorization: `Basic ${basic}` } }), book);
    expect(cmd).not.toContain(basic);
    expect(argv(cmd, { SPECGATE_USERNAME: 'ann', SPECGATE_PASSWORD: 'pw-789' })).toEqual([
      'http://127.0.0.1:9/api/things/1',
      '-u',
      'ann:pw-789',
    ]);
  });

  it('law: the placeholder names the variable the credential came from', () => {
    const env = fc.constantFrom('SPECGATE_TOKEN', 'SPECGATE_API_KEY', 'SPECGATE_AUTH_BEARER', 'SPECGATE_AUTH_KEY_2');
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
    fc.assert(
      fc.property(env, token, (name, value) => {
        const book = bookOf(readCredentials([], { [name]: value }));
        const cmd = toCurl(exchangeOf({ requestHeaders: { authorization: `Bearer ${value}` } }), book);
        expect(cmd).toContain(`Bearer \${${name}}`);
        expect(cmd).not.toContain(value);
      }),
    );
  });

  it('a -H credential gets a placeholder named after its header; unknown credential values one named after their place', () => {
    const book = bookOf(readCredentials(['x-portkey-api-key: pk-0123456789', 'x-portkey-provider: openai'], {}));
    const ex = exchangeOf({
      query: 'access_token=generated',
      requestHeaders: { 'x-portkey-api-key': 'pk-0123456789', 'x-portkey-provider': 'openai' },
    });
    const cmd = toCurl(ex, book);
    expect(cmd).toContain('"x-portkey-api-key: ${SPECGATE_HEADER_X_PORTKEY_API_KEY}"');
    expect(cmd).toContain('access_token=${SPECGATE_QUERY_ACCESS_TOKEN}');
    expect(cmd).toContain("'x-portkey-provider: openai'");
  });

  it('uses --head for HEAD and names the method otherwise', () => {
    expect(toCurl(exchangeOf({ method: 'HEAD' }))).toBe("curl --head 'http://127.0.0.1:9/api/things/1'");
    expect(toCurl(exchangeOf({ method: 'DELETE' }))).toBe("curl -X DELETE 'http://127.0.0.1:9/api/things/1'");
  });

  it('an empty book changes nothing but credential places', () => {
    const ex = exchangeOf({ method: 'POST', requestBody: { model: 'gpt-4o-mini', key: 'routing' } });
    expect(toCurl(ex, new SecretBook())).toContain('"model":"gpt-4o-mini","key":"routing"');
  });
});
