/**
 * `specgate certify`: runs a certification profile (default openai-compat) against a vendor's endpoint and
 * writes certificate.md, certificate.json and badge.svg. Parses flags and delegates to src/certify.
 */
import { parseArgs } from 'node:util';
import { certify } from '../../certify/index.ts';
import { HarnessError } from '../../errors.ts';
import type { Command } from '../command.ts';

const USAGE = `Usage: specgate certify [--profile openai-compat] [--base-url URL] [options]

Runs a certification profile's suites against an API and writes a certificate:
certificate.md, certificate.json (every requirement with pass/fail and evidence, secrets redacted) and
badge.svg. Without --base-url it certifies the embedded reference gateway.

Options:
  --profile NAME|PATH  built-in profile (openai-compat, aigateway-full) or a profile YAML (default openai-compat)
  --base-url URL       the API under test
  --spec PATH|URL      OpenAPI description (default openapi.json)
  -H "Name: value"     header sent with every request (repeatable), e.g. -H "Authorization: Bearer $KEY";
                       SPECGATE_TOKEN=... is sent as a bearer token when no Authorization is given
  --input NAME=VALUE   suite input, e.g. --input chatModel=gpt-4o-mini (repeatable)
  --report-dir DIR     where the certificate files go (default reports)
  --seed N             seed recorded in the certificate
  --timeout-ms N       per-request timeout (default 30000)
  --drift NAMES        drifts for the embedded reference gateway (testing specgate itself)
  -h, --help           show this help

Exit codes: 0 every required requirement passes, 1 some fail, 2 bad usage or invalid profile/suite, 3 target unreachable.
`;

function inputs(values: string[]): Record<string, unknown> {
  return Object.fromEntries(
    values.map((v) => {
      const eq = v.indexOf('=');
      if (eq <= 0) throw new HarnessError('USAGE', `--input expects NAME=VALUE, got "${v}"`);
      const raw = v.slice(eq + 1);
      return [v.slice(0, eq), /^-?\d+(\.\d+)?$|^(true|false|null)$/.test(raw) ? JSON.parse(raw) : raw];
    }),
  );
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new HarnessError('USAGE', `${flag} expects a non-negative integer, got "${value}"`);
  return n;
}

const command: Command = {
  name: 'certify',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        profile: { type: 'string', default: 'openai-compat' },
        'base-url': { type: 'string' },
        spec: { type: 'string' },
        header: { type: 'string', short: 'H', multiple: true, default: [] },
        input: { type: 'string', multiple: true, default: [] },
        'report-dir': { type: 'string', default: 'reports' },
        seed: { type: 'string' },
        'timeout-ms': { type: 'string' },
        drift: { type: 'string', multiple: true, default: [] },
      },
    });
    const seed = integer(values.seed, '--seed');
    const timeoutMs = integer(values['timeout-ms'], '--timeout-ms');
    const cert = await certify({
      profile: values.profile,
      headers: values.header,
      env: io.env,
      cwd: io.cwd,
      reportDir: values['report-dir'],
      inputs: inputs(values.input),
      drift: values.drift.flatMap((d) => d.split(',')).filter(Boolean),
      ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
      ...(values.spec ? { spec: values.spec } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
    for (const r of cert.requirements) {
      io.stdout(`${r.status === 'pass' ? 'PASS' : 'FAIL'}  ${r.id}${r.required ? '' : ' (optional)'}  ${r.title}\n`);
      if (r.status === 'fail')
        for (const e of r.evidence.slice(0, 3)) io.stdout(`      ${e.split('\n').join('\n      ')}\n`);
    }
    io.stdout(
      `\n${cert.profile.id}: ${cert.status} (${cert.summary.passed} passed, ${cert.summary.failed} failed) — ${values['report-dir']}/certificate.md\n`,
    );
    return cert.status === 'pass' ? 0 : 1;
  },
};

export default command;
