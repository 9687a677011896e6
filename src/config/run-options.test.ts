import { describe, expect, it } from 'vitest';
import type { Config } from './index.ts';
import { durationSeconds, optionsFromConfig, ratePerSecond } from './run-options.ts';

describe('specgate.config.yaml → run options', () => {
  it('maps the run section, severities and auth; real environment variables win over auth', () => {
    const config: Config = {
      spec: 'api.yaml',
      baseUrl: 'https://api.example.com',
      seed: 9,
      checks: { max_response_time: 'off' },
      run: {
        workers: 3,
        maxDuration: '2m',
        rateLimit: '300/m',
        headers: { 'x-team': 'qa' },
        suites: ['suites/a.arazzo.yaml'],
        fuzz: true,
      },
      auth: { bearer: 'from-config', schemes: { api_key: 'k1' } },
    };
    const { options } = optionsFromConfig(config, { SPECGATE_TOKEN: 'from-env' });
    expect(options).toMatchObject({
      spec: 'api.yaml',
      baseUrl: 'https://api.example.com',
      seed: 9,
      workers: 3,
      maxDurationMs: 120_000,
      rateLimit: 5,
      headers: ['x-team: qa'],
      suites: ['suites/a.arazzo.yaml'],
      fuzz: true,
      severities: { max_response_time: 'off' },
    });
    expect(options.env).toMatchObject({ SPECGATE_TOKEN: 'from-env', SPECGATE_AUTH_API_KEY: 'k1' });
  });

  it('maps budget, policies, shard and changedSince, so a CI job can keep them in the file', () => {
    const run = {
      budget: { negative: 20 },
      policies: { createJob: { accepted: [202] } },
      shard: '2/3',
      changedSince: 'main:openapi.json',
    };
    const { options } = optionsFromConfig({ run }, {});
    expect(options).toMatchObject({
      budget: { negative: 20 },
      policies: { createJob: { accepted: [202] } },
      shard: { index: 2, count: 3 },
      changedSince: 'main:openapi.json',
    });
  });

  it("auth.oauth2 becomes the run's client credentials, with no note that it is unsupported", () => {
    const oauth2 = { clientId: 'app', clientSecret: 's3cret', scopes: ['read'] };
    const { options, notes } = optionsFromConfig({ auth: { oauth2 } }, {});
    expect(options.oauth2).toEqual(oauth2);
    expect(notes).toEqual([]);
  });

  it.each<[number | string, number]>([
    [30, 30],
    ['30s', 30],
    ['5m', 300],
    ['1h', 3600],
    ['250ms', 0.25],
  ])('duration %j = %i s', (given, want) => {
    expect(durationSeconds(given)).toBe(want);
  });

  it.each<[number | string, number]>([
    [5, 5],
    ['5/s', 5],
    ['300/m', 5],
    ['3600/h', 1],
  ])('rate %j = %i/s', (given, want) => {
    expect(ratePerSecond(given)).toBe(want);
  });

  it('a malformed duration or rate is an error naming the accepted forms', () => {
    expect(() => durationSeconds('soon')).toThrow(/"30s"/);
    expect(() => ratePerSecond('fast')).toThrow(/"5\/s"/);
  });
});
