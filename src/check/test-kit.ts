/** Test helpers for checks: an inline spec, a context for one of its operations, and hand-built exchanges. */
import { specFromText } from '../load/index.ts';
import { createValidator } from '../validate/index.ts';
import type { Case, Exchange, Spec, StreamEvent, StatusPolicy } from '../types.ts';
import type { CheckContext } from './check.ts';

/** The default policy the tests assume (the plan's defaults may differ; checks only read what they are given). */
export const TEST_POLICY: StatusPolicy = {
  rejected: [400, 401, 403, 404, 405, 406, 409, 413, 414, 415, 422, 428, 431],
  accepted: [200, 201, 202, 203, 204, 205, 206, 207, 208, 226],
  source: 'default',
};

/** A context for operation `key` ("GET /things/{id}") of an inline YAML spec. */
export function contextOf(specOrText: Spec | string, key: string, over: Partial<CheckContext> = {}): CheckContext {
  const spec = typeof specOrText === 'string' ? specFromText(specOrText, 'openapi.yaml') : specOrText;
  const operation = spec.operations.find((o) => o.key === key);
  if (!operation) throw new Error(`no operation ${key} in ${spec.operations.map((o) => o.key).join(', ')}`);
  return {
    spec,
    validator: createValidator(spec),
    operation,
    seed: 42,
    policy: TEST_POLICY,
    severity: 'error',
    maxResponseTimeMs: 1000,
    ...over,
  };
}

/** What a test says about an exchange; everything else gets a plausible default. */
export interface ExchangeSpec {
  method?: string;
  path?: string;
  query?: string;
  kind?: Case['kind'];
  caseId?: string;
  requestHeaders?: Record<string, string>;
  requestBody?: unknown;
  violation?: Case['violation'];
  status?: number;
  headers?: Record<string, string | string[]>;
  /** Response body: a string is sent as-is, anything else as JSON (with a JSON Content-Type unless headers say). */
  body?: unknown;
  events?: StreamEvent[];
  truncated?: boolean;
  durationMs?: number;
  error?: Exchange['error'];
}

/** A hand-built Exchange. */
export function exchangeOf(s: ExchangeSpec): Exchange {
  const method = s.method ?? 'GET';
  const path = s.path ?? '/things/1';
  const json = s.body !== undefined && typeof s.body !== 'string';
  const headers: Record<string, string | string[]> = {
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...s.headers,
  };
  const c: Case = {
    id: s.caseId ?? `${method} ${path}/${s.kind ?? 'positive'}/0`,
    operation: `${method} ${path}`,
    kind: s.kind ?? 'positive',
    method,
    path,
    query: s.query ?? '',
    headers: s.requestHeaders ?? {},
    cookies: {},
    seed: 42,
    ...(s.requestBody !== undefined
      ? { body: s.requestBody, bodyText: JSON.stringify(s.requestBody), mediaType: 'application/json' }
      : {}),
    ...(s.violation ? { violation: s.violation } : {}),
  };
  const ex: Exchange = {
    case: c,
    request: {
      method,
      url: `http://127.0.0.1:9/api${path}${s.query ? `?${s.query}` : ''}`,
      headers: s.requestHeaders ?? {},
      ...(c.bodyText ? { body: c.bodyText } : {}),
    },
    durationMs: s.durationMs ?? 12,
  };
  if (s.error) return { ...ex, error: s.error };
  ex.response = {
    status: s.status ?? 200,
    headers,
    body: s.body === undefined ? '' : typeof s.body === 'string' ? s.body : JSON.stringify(s.body),
    truncated: s.truncated ?? false,
    timeToFirstByteMs: 5,
    ...(s.events ? { events: s.events } : {}),
  };
  return ex;
}
