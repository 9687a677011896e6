/**
 * `specgate.config.yaml` → RunOptions: the `run:` section, top-level spec/baseUrl/seed, per-check severities and
 * `auth:` (mapped onto the same credentials as the SPECGATE_* variables, so secrets are scrubbed alike).
 * Command-line flags win over the file; real environment variables win over `auth:`.
 */
import type { Config } from './index.ts';
import { HarnessError } from '../errors.ts';
import { parseShard } from '../plan/index.ts';
import { schemeEnvName } from '../credentials/index.ts';
import type { RunOptions } from '../run-options.ts';

/** Seconds in `30`, `"30s"`, `"5m"`, `"1h"`. */
export function durationSeconds(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim());
  if (!m)
    throw new HarnessError('CONFIG_INVALID', `run.maxDuration expects seconds or "30s"/"5m"/"1h", got "${value}"`);
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2] ?? 's']!;
}

/** Requests per second in `5`, `"5/s"`, `"300/m"`. */
export function ratePerSecond(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|m|min|h))?$/.exec(value.trim());
  if (!m || !(Number(m[1]) > 0))
    throw new HarnessError('USAGE', `a rate limit is requests per second such as 5, "5/s" or "300/m"; got "${value}"`);
  return Number(m[1]) / ({ s: 1, sec: 1, m: 60, min: 60, h: 3600 }[m[2] ?? 's'] ?? 1);
}

/** Environment-style credentials from the `auth:` section. */
function authEnv(auth: Config['auth']): Record<string, string> {
  const env: Record<string, string> = {};
  if (!auth) return env;
  if (auth.bearer) env.SPECGATE_TOKEN = auth.bearer;
  if (auth.basic)
    Object.assign(env, { SPECGATE_USERNAME: auth.basic.username, SPECGATE_PASSWORD: auth.basic.password });
  if (auth.apiKey) env.SPECGATE_API_KEY = auth.apiKey.value;
  for (const [scheme, value] of Object.entries(auth.schemes ?? {})) env[schemeEnvName(scheme)] = value;
  return env;
}

/** The options a config file sets (undefined where it says nothing). */
export function optionsFromConfig(
  config: Config,
  env: Record<string, string | undefined>,
): { options: Partial<RunOptions>; notes: string[] } {
  const run = config.run ?? {};
  const notes: string[] = [];
  const checks = run.checks === undefined ? undefined : Array.isArray(run.checks) ? run.checks : [run.checks];
  const options: Partial<RunOptions> = {
    spec: config.spec,
    baseUrl: config.baseUrl,
    seed: config.seed,
    severities: config.checks,
    checks,
    workers: run.workers,
    maxRequests: run.maxRequests,
    timeoutMs: run.timeoutMs,
    readOnly: run.readOnly,
    include: run.include,
    exclude: run.exclude,
    reportDir: run.reportDir,
    baseline: run.baseline,
    suites: run.suites,
    fuzz: run.fuzz,
    budget: run.budget,
    policies: run.policies,
    changedSince: run.changedSince,
    shard: run.shard !== undefined ? parseShard(run.shard) : undefined,
    headers: Object.entries(run.headers ?? {}).map(([n, v]) => `${n}: ${v}`),
    maxDurationMs: run.maxDuration !== undefined ? durationSeconds(run.maxDuration) * 1000 : undefined,
    rateLimit: run.rateLimit !== undefined ? ratePerSecond(run.rateLimit) : undefined,
    env: { ...authEnv(config.auth), ...env },
    oauth2: config.auth?.oauth2,
    secretNames: [...(config.auth?.secrets ?? []), ...(config.auth?.apiKey ? [config.auth.apiKey.name] : [])],
  };
  return { options, notes };
}
