/**
 * Named, opt-in deviations from openapi.json. Each one breaks exactly ONE operation in ONE way, so a
 * harness run against `specgate serve --drift NAME` must report exactly the check named in `check`.
 * That makes this list a coverage matrix: every kind of drift specgate claims to find has a server that has it.
 */

/** One documented deviation. */
export interface Drift {
  /** kebab-case name used with `--drift`. */
  name: string;
  /** The one operation it affects, as `METHOD /path` of openapi.json. */
  operation: string;
  operationId: string;
  description: string;
  /** The specgate check (Schemathesis-style id) that should catch it. */
  check: string;
  /**
   * What a run must do beyond sending generated requests to reach the drift (e.g. use a live id from an earlier
   * create); absent when any run that covers the operation meets it.
   */
  needs?: string;
}

/** Every drift the reference gateway can switch on, in `--drift list` order. */
export const DRIFTS: readonly Drift[] = [
  {
    name: 'wrong-type',
    operation: 'GET /v1/models/{id}',
    operationId: 'getModel',
    check: 'response_schema_conformance',
    description: '`created` is sent as a string instead of an integer.',
  },
  {
    name: 'missing-field',
    operation: 'GET /v1/balance',
    operationId: 'getBalance',
    check: 'response_schema_conformance',
    description: 'The required `currency` field is left out.',
  },
  {
    name: 'undocumented-status',
    operation: 'GET /v1/replays',
    operationId: 'listReplays',
    check: 'status_code_conformance',
    description: 'Answers 206, a status the operation does not document.',
  },
  {
    name: 'wrong-content-type',
    operation: 'GET /v1/webhook-secret',
    operationId: 'getWebhookSecret',
    check: 'content_type_conformance',
    description: 'The JSON body is labelled text/plain.',
  },
  {
    name: 'server-error',
    operation: 'POST /v1/rerank',
    operationId: 'createRerank',
    check: 'not_a_server_error',
    description: 'Every valid request answers 500.',
  },
  {
    name: 'accepts-invalid',
    operation: 'POST /v1/embeddings',
    operationId: 'createEmbedding',
    check: 'negative_data_rejection',
    description: 'A body without the required `input` is accepted (embeds the empty string) with 200.',
  },
  {
    name: 'rejects-valid',
    operation: 'GET /v1/models',
    operationId: 'listModels',
    check: 'positive_data_acceptance',
    description: '`limit` above 10 is rejected with 400 although the spec allows up to 100.',
  },
  {
    name: 'auth-not-enforced',
    operation: 'GET /v1/evals',
    operationId: 'listEvals',
    check: 'ignored_auth',
    description: 'Requests without Authorization are served (as the root key) with 200.',
  },
  {
    name: 'use-after-free',
    operation: 'GET /v1/sub-accounts/{id}',
    operationId: 'getSubAccount',
    check: 'use_after_free',
    description: 'A deleted sub-account is still returned with 200.',
  },
  {
    name: 'malformed-sse',
    operation: 'POST /v1/chat/completions',
    operationId: 'createChatCompletion',
    check: 'sse_stream_conformance',
    description: "With `stream: true`, the second event's data is truncated, invalid JSON.",
  },
  {
    name: 'idempotency-broken',
    operation: 'POST /v1/jobs',
    operationId: 'createJob',
    check: 'idempotency',
    description: 'Idempotency-Key is ignored: a retry creates (and bills) a second job.',
  },
  {
    name: 'no-retry-after',
    operation: 'POST /v1/chat/completions',
    operationId: 'createChatCompletion',
    check: 'response_headers_conformance',
    description:
      'The operation is limited to 3 requests per minute per key, and its 429 answers leave out the documented Retry-After header.',
  },
  {
    name: 'rate-limit-body',
    operation: 'GET /v1/usage/by-tag',
    operationId: 'getUsageByTag',
    check: 'response_schema_conformance',
    description:
      'The operation has its own limit of 30 requests per minute per key, stated in its x-ratelimit headers; past it, the 429 body is `{"message": ...}` instead of the Error schema.',
    needs: 'a burst of requests past the limit the rate-limit headers state',
  },
  {
    name: 'missing-header',
    operation: 'GET /v1/usage',
    operationId: 'getUsage',
    check: 'response_headers_conformance',
    description: 'The documented, required `x-request-id` header is left out.',
  },
  {
    name: 'bad-webhook-signature',
    operation: 'POST /v1/jobs',
    operationId: 'createJob',
    check: 'webhook_signature',
    description: 'Webhooks of jobs are signed with a key other than the webhook secret.',
  },
  {
    name: 'tenant-leak',
    operation: 'GET /v1/jobs/{id}',
    operationId: 'getJob',
    check: 'tenant_isolation',
    description: "A sub-account key can read another sub-account's (or the root's) job.",
  },
  {
    name: 'spend-cap-ignored',
    operation: 'POST /v1/embeddings',
    operationId: 'createEmbedding',
    check: 'spend_cap_enforced',
    description: "Embeddings keep being served (and billed) after the sub-account's spend cap is reached.",
  },
  {
    name: 'live-patch-wrong-type',
    operation: 'PATCH /v1/sub-accounts/{id}',
    operationId: 'updateSubAccount',
    check: 'response_schema_conformance',
    description: 'Updating a sub-account that exists answers `spent_cents` as a string.',
    needs: 'the id of a sub-account created earlier in the run (made-up ids answer 404)',
  },
  {
    name: 'auth-live-resource',
    operation: 'GET /v1/jobs/{id}',
    operationId: 'getJob',
    check: 'ignored_auth',
    description: 'A job that exists is served without Authorization (unknown ids still answer 401).',
    needs: 'the id of a job created earlier in the run, then a request without credentials',
  },
  {
    name: 'nested-invalid-accepted',
    operation: 'POST /v1/evals',
    operationId: 'createEval',
    check: 'negative_data_rejection',
    description: 'Only the top level is validated: an invalid `dataset` item (e.g. an empty `input`) is accepted.',
    needs: 'a violation inside an item of the nested `dataset` array',
  },
  {
    name: 'long-array-error',
    operation: 'POST /v1/embeddings',
    operationId: 'createEmbedding',
    check: 'not_a_server_error',
    description: 'An `input` array of more than 10 strings (the spec allows 256) answers 500.',
    needs: 'a valid `input` array longer than 10 items (inside a oneOf branch)',
  },
  {
    name: 'rare-enum-error',
    operation: 'GET /v1/jobs',
    operationId: 'listJobs',
    check: 'not_a_server_error',
    description: 'Filtering by the last `status` enum value, `cancelled`, answers 500.',
    needs: 'every enum value of `status`, the fifth and last one included',
  },
  {
    name: 'huge-integer-error',
    operation: 'POST /v1/sub-accounts',
    operationId: 'createSubAccount',
    check: 'not_a_server_error',
    description: 'A `spend_cap_cents` beyond the int64 range (the schema sets no maximum) answers 500.',
    needs: 'an integer beyond 2^63 - 1 where the schema has no maximum',
  },
];

/** The names of DRIFTS. */
export type DriftName = string;

/**
 * Turns `--drift` values (names, comma lists, or `all`) into a set of names.
 * Throws an Error listing the valid names when one is unknown.
 */
export function parseDrifts(values: readonly string[]): Set<DriftName> {
  const names = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (names.includes('all')) return new Set(DRIFTS.map((d) => d.name));
  const known = new Set(DRIFTS.map((d) => d.name));
  for (const n of names) {
    if (!known.has(n)) throw new Error(`Unknown drift "${n}". Valid: ${[...known].join(', ')}, all, list.`);
  }
  return new Set(names);
}

/** Whether drift `name` is on and applies to `operationId`. */
export function driftApplies(enabled: ReadonlySet<DriftName>, name: DriftName, operationId: string): boolean {
  return enabled.has(name) && DRIFTS.some((d) => d.name === name && d.operationId === operationId);
}

/** `--drift list` output: one aligned line per drift. */
export function formatDriftList(): string {
  return (
    DRIFTS.map((d) => `${d.name.padEnd(23)} ${d.operation.padEnd(30)} ${d.check.padEnd(29)} ${d.description}`).join(
      '\n',
    ) + '\n'
  );
}
