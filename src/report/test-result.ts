/** A RunResult for reporter tests: findings of several checks, a secret sent three ways, coverage with gaps. */
import { exchangeOf } from '../check/test-kit.ts';
import type { OperationCoverage, ReportedFinding, RunResult } from '../types.ts';

/** The secret every reporter test hunts for. */
export const SECRET = 'sk-live-9f8e7d6c5b4a';

const policy = { rejected: [400, 401, 403, 404, 422], accepted: [200, 201, 204], source: 'default' };
const at = (line: number) => ({
  file: 'openapi.yaml',
  line,
  column: 9,
  pointer: '/components/schemas/Thing/properties/created',
});

const schemaFinding: ReportedFinding = {
  checkId: 'response_schema_conformance',
  severity: 'error',
  operation: 'GET /things/{id}',
  operationId: 'getThing',
  cause: 'body/created type',
  instancePath: '/created',
  schemaPath: '#/properties/created/type',
  specLocation: at(16),
  message:
    'Received: "created": "2024-01-01" (string)\nDocumented: integer at #/components/schemas/Thing/properties/created (openapi.yaml:16:9)',
  seed: 7,
  caseId: 'GET /things/{id}/positive/3',
  occurrences: 4,
  exchange: exchangeOf({
    path: '/things/a1',
    query: `api_key=${SECRET}&expand=tags`,
    caseId: 'GET /things/{id}/positive/3',
    requestHeaders: { authorization: `Bearer ${SECRET}`, 'x-trace': 'a"b<c>&\'d' },
    body: { id: 'a1', created: '2024-01-01', echo: `you sent ${SECRET}`, html: '<script>alert("x")</script>]]>' },
    headers: { 'content-type': 'application/json', 'set-cookie': `session=${SECRET}` },
  }),
};

const negativeFinding: ReportedFinding = {
  checkId: 'negative_data_rejection',
  severity: 'error',
  operation: 'POST /things',
  operationId: 'createThing',
  cause: 'accepted invalid body.name (minLength)',
  seed: 7,
  caseId: 'POST /things/negative/0',
  occurrences: 1,
  baseline: 'new',
  message:
    'Received: 201 (the invalid request was accepted)\nDocumented: invalid input is rejected with one of 400, 422 (policy: default)\nSent: body.name: "" is shorter than 1 character (minLength)',
  exchange: exchangeOf({
    method: 'POST',
    path: '/things',
    kind: 'negative',
    requestBody: { name: '' },
    status: 201,
    body: { id: 'x' },
    violation: { location: 'body.name', keyword: 'minLength', message: '"" is shorter than 1 character' },
    requestHeaders: { 'x-api-key': SECRET, 'content-type': 'application/json' },
  }),
};

const warnFinding: ReportedFinding = {
  checkId: 'undocumented_response_content',
  severity: 'warn',
  operation: 'GET /things/{id}',
  operationId: 'getThing',
  cause: 'body/echo undocumented',
  seed: 7,
  occurrences: 2,
  baseline: 'known',
  message:
    'Received: property /echo (not declared)\nDocumented: the schema for 200 application/json declares no such property (extra properties allowed)',
};

const coverage = (over: Partial<OperationCoverage> & { operation: string }): OperationCoverage => ({
  reached: true,
  requests: 10,
  casesByKind: { positive: 8, negative: 2 },
  statusesSeen: [200],
  statusesNeverSeen: [],
  checked: ['response_schema_conformance', 'negative_data_rejection', 'undocumented_response_content'],
  unchecked: [{ check: 'sse_stream_conformance', why: 'not a text/event-stream response' }],
  policy,
  ...over,
});

/** The sample result. */
export function sampleResult(over: Partial<RunResult> = {}): RunResult {
  return {
    tool: { name: 'specgate', version: '0.1.0' },
    seed: 7,
    specSource: 'openapi.yaml',
    specSha256: 'ab'.repeat(32),
    target: 'http://127.0.0.1:4010',
    start: '2026-01-01T00:00:00.000Z',
    end: '2026-01-01T00:00:02.500Z',
    durationMs: 2500,
    requests: 27,
    casesByKind: { positive: 20, negative: 5, example: 2 },
    operationsTotal: 4,
    operationsReached: 3,
    findings: [schemaFinding, warnFinding, negativeFinding],
    fixed: [{ ...warnFinding, checkId: 'status_code_conformance', cause: 'status 418', occurrences: 1 }],
    coverage: [
      coverage({
        operation: 'GET /things/{id}',
        operationId: 'getThing',
        statusesSeen: [200, 404],
        statusesNeverSeen: ['503'],
      }),
      coverage({ operation: 'POST /things', operationId: 'createThing', statusesSeen: [201, 400] }),
      coverage({ operation: 'GET /things', operationId: 'listThings', checked: ['response_schema_conformance'] }),
      coverage({
        operation: 'DELETE /things/{id}',
        reached: false,
        reason: 'excluded by --read-only',
        requests: 0,
        casesByKind: {},
        statusesSeen: [],
        checked: [],
        unchecked: [],
      }),
    ],
    checks: [
      { id: 'response_schema_conformance', severity: 'error', description: 'schemas' },
      { id: 'negative_data_rejection', severity: 'error', description: 'negatives' },
      { id: 'undocumented_response_content', severity: 'warn', description: 'extras' },
      { id: 'sse_stream_conformance', severity: 'error', description: 'streams' },
    ],
    notes: ['GET /things: 2 request(s) retried after 429/503'],
    exitCode: 1,
    ...over,
  };
}
