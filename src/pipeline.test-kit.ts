/** Small stand-ins for the other stages, so the pipeline's orchestration is tested on its own. */
import type { Check } from './check/check.ts';
import { loadSpec, specFromText } from './load/index.ts';
import type { Case, Exchange, Finding, Operation, Spec } from './types.ts';
import type { Validator } from './validate/index.ts';
import type { Stages } from './stages.ts';

/** A two-operation spec with bearer auth. */
export const FAKE_SPEC = `
openapi: 3.1.0
info: { title: fake, version: '1' }
security: [{ bearer: [] }]
components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }
paths:
  /a:
    get: { operationId: getA, responses: { '200': { description: ok } } }
  /b:
    post: { operationId: postB, responses: { '201': { description: ok }, '400': { description: bad } } }
`;

const finding = (ex: Exchange, cause: string): Finding => ({
  checkId: 'status_documented',
  severity: 'error',
  operation: ex.case.operation,
  message: cause,
  cause,
  seed: ex.case.seed,
  caseId: ex.case.id,
  exchange: ex,
});

/** Flags undocumented statuses and transport errors. */
export const statusCheck: Check = {
  kind: 'exchange',
  id: 'status_documented',
  description: 'status is documented',
  defaultSeverity: 'error',
  run(ex, ctx) {
    if (ex.error) return [finding(ex, `no response (${ex.error.code})`)];
    const documented = Object.keys((ctx.operation.object.responses ?? {}) as object);
    return documented.includes(String(ex.response!.status)) ? [] : [finding(ex, `status ${ex.response!.status}`)];
  },
};

/** Probes without the Authorization header; expects a 401. */
export const authProbeCheck: Check = {
  kind: 'probe',
  id: 'auth_required',
  description: 'requests without auth are refused',
  defaultSeverity: 'error',
  run(ex) {
    if (!ex.case.id.endsWith('/probe/auth_required') || !ex.response || ex.response.status === 401) return [];
    return [{ ...finding(ex, 'accepted without auth'), checkId: 'auth_required' }];
  },
  probe(valid) {
    const headers = { ...valid.headers };
    delete headers.authorization;
    return { ...valid, headers, id: `${valid.id}/probe/auth_required` };
  },
};

/** `count` cases per kind with a tiny JSON body, ids in the agreed shape. */
export function fakeGenerate(
  _spec: Spec,
  op: Operation,
  o: { kind: Case['kind']; count: number; seed: number },
): Case[] {
  return Array.from({ length: o.count }, (_, i) => ({
    id: `${op.key}/${o.kind}/${i}`,
    operation: op.key,
    kind: o.kind,
    method: op.method,
    path: op.path,
    query: `i=${i}`,
    headers: {},
    cookies: {},
    seed: o.seed,
    ...(op.method === 'post' ? { mediaType: 'application/json', body: { i }, bodyText: `{"i":${i}}` } : {}),
  }));
}

/**
 * Stand-in stages; `spec` defaults to FAKE_SPEC. Shrinking, curl repros and the reference server are off
 * unless `more` brings them, so the run's orchestration is tested on its own.
 */
export function fakeStages(more: Partial<Stages> = {}, spec = FAKE_SPEC): Partial<Stages> {
  return {
    shrinkCase: undefined,
    toCurl: undefined,
    createReferenceServer: undefined,
    loadSpec: async (source: string) => (source === 'fake' ? specFromText(spec, 'fake.yaml') : loadSpec(source)),
    createValidator: () => ({}) as Validator,
    checks: [statusCheck, authProbeCheck],
    reporters: [
      { id: 'json', description: 'all', filename: 'result.json', run: (r) => JSON.stringify(r, null, 2) },
      { id: 'count', description: 'count', filename: 'count.txt', run: (r) => `${r.findings.length} findings\n` },
    ],
    generateCases: fakeGenerate,
    ...more,
  };
}
