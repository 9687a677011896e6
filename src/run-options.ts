/** Options of `run()`, one literal of defaults at the top, mapping 1:1 onto `specgate run` flags. */

import type { ClientCredentials } from './send/index.ts';
import type { Severity, Spec, StatusPolicy, Budget, Shard } from './types.ts';

/** Progress as the run goes, for a progress bar or plain lines. */
export interface RunProgress {
  operationsDone: number;
  operationsTotal: number;
  requests: number;
  findings: number;
  /** The operation that just finished, when this update is about one. */
  operation?: string;
}

/** Everything a run can be told. */
export interface RunOptions {
  /** Spec path or URL; defaults to the reference API's `openapi.json` when no base URL is given. */
  spec?: string;
  /** The API under test; without it, the embedded reference server is started and used. */
  baseUrl?: string;
  /** `-H "Name: value"` arguments. */
  headers: string[];
  /** Header, query, cookie or body-field names whose values are credentials besides the built-in rule (`--secret`). */
  secretNames?: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  checks: string[];
  severities: Record<string, Severity>;
  workers: number;
  timeoutMs: number;
  maxResponseBytes: number;
  maxRequests?: number;
  maxDurationMs?: number;
  /** When `maxDurationMs` counts from (`performance.now()`); unset, from the engine's start. `run()` sets it on entry. */
  startedAt?: number;
  /**
   * Cases per operation exploration goes to (`plan/rounds.ts`); unset: 100 without maxRequests/maxDurationMs,
   * else as many as the budget allows. 0 runs the first round (the plan) only.
   */
  depth?: number;
  rateLimit?: number;
  readOnly: boolean;
  /** Switch operations (global toggles, `plan/switches.ts`) run after all others unless false (`--keep-order`). */
  switchesLast?: boolean;
  include: string[];
  exclude: string[];
  seed?: number;
  reportDir: string;
  /** Write report files (off for `--dry-run` and some tests). */
  writeReports: boolean;
  baseline?: string;
  shard?: Shard;
  budget: Partial<Budget>;
  policies: Record<string, Partial<Omit<StatusPolicy, 'source'>>>;
  /** OAuth2 client credentials (config `auth.oauth2`); `SPECGATE_OAUTH2_*` variables win. */
  oauth2?: ClientCredentials;
  /**
   * Where the target can reach the harness's callback receiver (`--callback-url`); without it, loopback targets
   * get a receiver on 127.0.0.1, others none.
   */
  callbackUrl?: string;
  /** Drifts to plant in the embedded reference server (ignored with `baseUrl`). */
  drift: string[];
  insecure: boolean;
  /** Probes each probing check may send per operation. */
  probesPerOperation: number;
  /** Attempts per request on 429 / 503-with-Retry-After, counting the first. */
  maxAttempts: number;
  /** Longest `Retry-After` honoured, in ms. */
  retryAfterCapMs: number;
  /** Extra requests shrinking may spend per finding. */
  shrinkBudget: number;
  maxResponseTimeMs: number;
  /** Arazzo suite files (`--suite`), run after the per-operation phase with the run's credentials. */
  suites: string[];
  /** With `suites`, also fuzz every planned operation; without it a suite run runs only the suites. */
  fuzz: boolean;
  /** Suite workflow inputs (`--input name=value`). */
  inputs: Record<string, unknown>;
  /** A base description (file, URL or git `ref:path`): only the operations the diff to it touches are planned. */
  changedSince?: string;
  /** Reads the `changedSince` description (the CLI passes one that understands git `ref:path`). */
  loadBaseSpec?: (source: string, cwd: string) => Promise<Spec>;
  /**
   * Generation on a second thread: `true` for every operation (waiting for the thread to start), `false` never;
   * unset, when the plan is big enough and the machine has the cores to gain from it (see run.ts), with the main
   * thread generating until the thread is up.
   */
  generationThread?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Hears each warning about the run itself (a doubled base-URL prefix, mostly 404s), also kept in the notes. */
  onWarning?: (warning: string) => void;
}

/** Defaults: the full harness against the reference server finishes in seconds. */
export const RUN_DEFAULTS: RunOptions = {
  headers: [],
  env: {},
  cwd: '.',
  checks: ['all'],
  severities: {},
  workers: 4,
  timeoutMs: 10_000,
  maxResponseBytes: 4 * 1024 * 1024,
  readOnly: false,
  include: [],
  exclude: [],
  reportDir: 'reports',
  writeReports: true,
  budget: {},
  policies: {},
  drift: [],
  insecure: false,
  probesPerOperation: 2,
  maxAttempts: 3,
  retryAfterCapMs: 10_000,
  shrinkBudget: 20,
  maxResponseTimeMs: 5_000,
  suites: [],
  fuzz: false,
  inputs: {},
};

/** Fills every missing option from RUN_DEFAULTS. */
export function withDefaults(options: Partial<RunOptions>): RunOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...RUN_DEFAULTS, ...defined } as RunOptions;
}
