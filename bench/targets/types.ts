/**
 * What the drift benchmark knows about a target: its planted drifts and traps, as data. A drift counts as found
 * when a finding of level error or warn names its operation, one of its checks and matches its cause.
 */

/** Kinds of drift the benchmark covers (issue 12's list, plus the reference's original one-deviation drifts). */
export const DRIFT_CLASSES = {
  'live-resource': 'responses about an existing resource (GET/PATCH/DELETE of a live id)',
  'live-auth': 'auth not enforced on a live resource',
  volume: 'behaviour that needs volume (rate-limit answers)',
  nested: 'invalid values inside oneOf branches or nested arrays accepted',
  'long-array': 'valid arrays longer than 10 items mishandled',
  'rare-value': 'one rare enum value or documented example triggers the drift',
  unique: 'unique field on create: the documented 409 hides the drift unless fresh values are used',
  switch: 'a switch operation poisons the target (false-positive trap)',
  'extreme-value': 'integers beyond int64, strings with control characters',
  stateful: 'use after delete, idempotency keys, pagination headers, ETags',
  'wrong-kind': 'a schema-valid value of the wrong kind answered with an undocumented status',
  basic: 'one deviation any covering run meets (schema, status, content type, headers, auth, SSE)',
  workflow: 'seen only by a workflow (suite): tenants, webhook signatures, spend caps',
} as const;

export type DriftClass = keyof typeof DRIFT_CLASSES;

/** One planted drift: switchable by name on its target. */
export interface PlantedDrift {
  name: string;
  class: DriftClass;
  /** `METHOD /path` as the target's spec writes it. */
  operation: string;
  /** specgate check ids whose finding proves the drift. */
  detectedBy: string[];
  /** Matched against a finding's `cause` and `message`; absent = any finding of those checks on the operation. */
  cause?: RegExp;
  description: string;
  /** Where else its findings appear (e.g. a webhook the API sends, `POST job.completed`). */
  seenOn?: string[];
}

/**
 * A trap: conforming behaviour that tempts a harness into false positives, present in clean mode too. A finding
 * whose response has `status` on any operation is a false positive the trap caused.
 */
export interface Trap {
  name: string;
  class: DriftClass;
  operation: string;
  status: number;
  description: string;
}

/** A started target. */
export interface Running {
  url: string;
  close(): Promise<void>;
}

/** A benchmark target: a server with planted drifts, its spec and how specgate authenticates to it. */
export interface BenchTarget {
  name: string;
  /** Absolute path of the OpenAPI document given to `specgate run --spec`. */
  spec: string;
  drifts: readonly PlantedDrift[];
  traps: readonly Trap[];
  /** `-H` values for `specgate run`. */
  headers: string[];
  /** Environment for `specgate run` (credentials such as SPECGATE_API_KEY). */
  env: Record<string, string>;
  /** Starts the target on 127.0.0.1 with every drift on, or clean. */
  start(mode: 'drift' | 'clean'): Promise<Running>;
}
