/**
 * Law: every AIgateway suite passes against the clean reference server, and fails — with a finding of the
 * check that names the drift — against the reference server with that drift planted.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../load/index.ts';
import { createReferenceServer, DRIFTS } from '../reference/index.ts';
import type { Spec } from '../types.ts';
import { loadSuite, runSuite } from './index.ts';

const root = path.resolve(import.meta.dirname, '../..');
let spec: Spec;
beforeAll(async () => {
  spec = await loadSpec(path.join(root, 'openapi.json'));
});

async function runAgainst(suiteName: string, drift: string[]) {
  const suite = await loadSuite(`suites/${suiteName}.arazzo.yaml`, root);
  const gw = createReferenceServer({ key: 'sk-aig-test', drift, jobStepMs: 10 });
  const { url } = await gw.listen(0);
  try {
    return await runSuite(spec, suite, { baseUrl: url, headers: { authorization: 'Bearer sk-aig-test' }, seed: 7 });
  } finally {
    await gw.close();
  }
}

// [suite, drift, check ids that must fire (any of), what the message must say]
const TABLE: Array<[string, string, string[], RegExp]> = [
  ['sub-account-lifecycle', 'use-after-free', ['use_after_free'], /read-deleted[\s\S]*Received: \$statusCode = 200/],
  [
    'sub-account-lifecycle',
    'spend-cap-ignored',
    ['spend_cap_enforced'],
    /spend-cap[\s\S]*Received: \$statusCode = 200/,
  ],
  ['cross-tenant-isolation', 'tenant-leak', ['tenant_isolation'], /b-reads-a-job[\s\S]*Received: \$statusCode = 200/],
  ['jobs-idempotency', 'idempotency-broken', ['idempotency'], /replay[\s\S]*\$response\.body#\/id = "job_/],
  ['webhooks', 'bad-webhook-signature', ['webhook_signature'], /x-aig-signature: v1 is not HMAC-SHA256/],
  ['streaming', 'malformed-sse', ['sse_stream_semantics', 'sse_stream_conformance'], /not a JSON object|not JSON/],
  ['rate-limits', 'no-retry-after', ['rate_limit_conformance', 'response_headers_conformance'], /retry-after/i],
  ['models', 'wrong-type', ['response_schema_conformance'], /created/],
  ['usage-by-tag', 'missing-header', ['response_headers_conformance'], /x-request-id/],
];

describe('AIgateway suites against the reference server', () => {
  const suites = [...new Set(TABLE.map(([s]) => s))];
  it.each(suites)('%s passes when the server is clean', async (name) => {
    const r = await runAgainst(name, []);
    expect(r.findings.map((f) => `${f.checkId}: ${f.message}`)).toEqual([]);
    expect(r.steps.length).toBeGreaterThan(0);
    expect(r.steps.filter((s) => s.status !== 'passed')).toEqual([]);
  });

  it.each(TABLE)('%s fails under --drift %s', async (name, drift, checks, message) => {
    expect(DRIFTS.some((d) => d.name === drift)).toBe(true);
    const r = await runAgainst(name, [drift]);
    const hits = r.findings.filter((f) => checks.includes(f.checkId));
    expect(hits.length, r.findings.map((f) => f.checkId).join(', ')).toBeGreaterThan(0);
    expect(hits.map((f) => f.message).join('\n')).toMatch(message);
    // Each finding is attributed to the step whose exchange showed it.
    expect(r.steps.some((s) => s.findings.some((f) => hits.includes(f)))).toBe(true);
  });
});
