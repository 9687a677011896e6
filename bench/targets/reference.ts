/**
 * The reference AIgateway as a benchmark target: its drifts are src/reference's DRIFTS (name, operation,
 * description, the check that should catch it), classified here and given the cause a finding must show.
 */
import { fileURLToPath } from 'node:url';
import { createReferenceServer, DRIFTS } from '../../src/reference/index.ts';
import type { BenchTarget, DriftClass, PlantedDrift } from './types.ts';

/** Per reference drift: its class, checks beside DRIFTS' own, and the cause a finding must match. */
const EXTRA: Record<string, { class: DriftClass; also?: string[]; cause?: RegExp; seenOn?: string[] }> = {
  'wrong-type': { class: 'basic', cause: /created/ },
  'missing-field': { class: 'basic', cause: /currency/ },
  'undocumented-status': { class: 'basic', cause: /206/ },
  'wrong-content-type': { class: 'basic', cause: /text\/plain/ },
  'server-error': { class: 'basic', also: ['status_code_conformance'], cause: /500/ },
  'accepts-invalid': { class: 'basic', cause: /input/ },
  'rejects-valid': { class: 'basic', cause: /400/ },
  'auth-not-enforced': { class: 'basic' },
  'use-after-free': { class: 'stateful' },
  'malformed-sse': { class: 'basic' },
  'idempotency-broken': { class: 'stateful' },
  'no-retry-after': { class: 'volume', cause: /retry-after/i },
  'rate-limit-body': { class: 'volume', also: ['undocumented_response_content'], cause: /error|message/ },
  'missing-header': { class: 'basic', cause: /x-request-id/i },
  'bad-webhook-signature': { class: 'workflow', seenOn: ['POST job.completed', 'POST job.failed'] },
  'tenant-leak': { class: 'workflow' },
  'spend-cap-ignored': { class: 'workflow' },
  'live-patch-wrong-type': { class: 'live-resource', cause: /spent_cents/ },
  'auth-live-resource': { class: 'live-auth' },
  'nested-invalid-accepted': { class: 'nested', cause: /dataset/ },
  'long-array-error': { class: 'long-array', also: ['status_code_conformance'], cause: /500/ },
  'rare-enum-error': { class: 'rare-value', also: ['status_code_conformance'], cause: /500/ },
  'huge-integer-error': { class: 'extreme-value', also: ['status_code_conformance'], cause: /500/ },
};

/** The reference drifts as benchmark data; a drift without an EXTRA entry is an error the law test reports. */
export function referenceDrifts(): PlantedDrift[] {
  return DRIFTS.map((d) => {
    const extra = EXTRA[d.name];
    if (!extra) throw new Error(`bench/targets/reference.ts does not classify reference drift ${d.name}`);
    return {
      name: d.name,
      class: extra.class,
      operation: d.operation,
      detectedBy: [d.check, ...(extra.also ?? [])],
      ...(extra.cause ? { cause: extra.cause } : {}),
      ...(extra.seenOn ? { seenOn: extra.seenOn } : {}),
      description: d.description,
    };
  });
}

/** Root key of the reference server. */
const KEY = 'sk-aig-test';

export const referenceTarget: BenchTarget = {
  name: 'reference',
  spec: fileURLToPath(new URL('../../openapi.json', import.meta.url)),
  drifts: referenceDrifts(),
  traps: [],
  headers: [`Authorization: Bearer ${KEY}`],
  env: {},
  async start(mode) {
    const server = createReferenceServer({ key: KEY, drift: mode === 'drift' ? ['all'] : [] });
    const { url } = await server.listen(0);
    return { url, close: () => server.close() };
  },
};
