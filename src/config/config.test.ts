/** Laws of config loading: valid files load as written; every invalid one fails with CONFIG_INVALID at file:line:col. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../errors.ts';
import { loadConfig, parseConfig } from './index.ts';

function failure(text: string): HarnessError {
  try {
    parseConfig(text, 'specgate.config.yaml');
  } catch (error) {
    if (error instanceof HarnessError) return error;
    throw error;
  }
  throw new Error('expected a HarnessError');
}

describe('config', () => {
  it('loads every documented key', () => {
    const text = [
      'spec: api.yaml',
      'baseUrl: http://127.0.0.1:8080',
      'seed: 42',
      'lint: {rules: {operation-id-missing: off}, maxWarnings: 10}',
      'checks: {not_a_server_error: warn}',
      'run: {checks: all, workers: 4, maxRequests: 500, maxDuration: 5m, rateLimit: 10/s, timeoutMs: 5000, readOnly: true,',
      '  include: [listPets], exclude: ["DELETE /pets/{id}"], headers: {X-Env: test}, reportDir: out, baseline: base.json}',
      'auth: {bearer: "${TOKEN}", apiKey: {name: X-Key, in: header, value: "${KEY}"}}',
      'certify: {profile: openai-chat, out: cert}',
    ].join('\n');
    const config = parseConfig(text, 'c.yaml');
    expect(config.lint?.rules).toEqual({ 'operation-id-missing': 'off' });
    expect(config.run?.rateLimit).toBe('10/s');
    expect(config.auth?.apiKey?.in).toBe('header');
  });

  it.each([
    [
      'an unknown top-level key',
      'spec: a.yaml\nspce: b.yaml\n',
      2,
      1,
      /unknown key "spce" in the config; expected one of: .*spec/,
    ],
    ['an unknown nested key', 'run:\n  workers: 2\n  wokers: 3\n', 3, 3, /unknown key "wokers" in "run"/],
    [
      'a bad severity',
      'lint:\n  rules:\n    operation-id-missing: warning\n',
      3,
      27,
      /"lint.rules.operation-id-missing" must be one of: off, warn, error/,
    ],
    ['a wrong type', 'seed: abc\n', 1, 7, /"seed" must be integer/],
  ])('rejects %s at its line and column', (_name, text, line, column, message) => {
    const error = failure(text);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.location).toBe(`specgate.config.yaml:${line}:${column}`);
    expect(error.message).toMatch(message);
  });

  it('rejects text that is not YAML with a position', () => {
    const error = failure('lint: {rules: [\n');
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.location).toMatch(/^specgate\.config\.yaml:\d+:\d+$/);
  });

  it('finds the default file, and treats its absence as an empty config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specgate-config-'));
    expect(loadConfig(dir).config).toEqual({});
    writeFileSync(join(dir, 'specgate.config.yaml'), 'seed: 7\n');
    expect(loadConfig(dir).config).toEqual({ seed: 7 });
    expect(() => loadConfig(dir, 'missing.yaml')).toThrow(HarnessError);
  });
});
