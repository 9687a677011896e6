/**
 * Ids that only suites (or the run itself) report: the suite runner judges these itself (a failed Arazzo
 * criterion, a webhook delivery), the run a poisoned target, so they are data, not checks. Listed here so every id a report can carry is in `check/`.
 */
import type { SuiteFinding } from './check.ts';

/** A step's success criteria did not hold (or the step could not be sent). */
export const workflowStepFailed: SuiteFinding = {
  kind: 'suite',
  id: 'workflow_step_failed',
  description: "An Arazzo step's success criteria hold (unless the step names its own check).",
};

/** Fewer webhook deliveries than expected arrived in time. */
export const webhookDelivery: SuiteFinding = {
  kind: 'suite',
  id: 'webhook_delivery',
  description: 'The expected webhook deliveries arrive within the time the suite allows.',
};

/** A delivery's HMAC signature or timestamp does not verify. */
export const webhookSignature: SuiteFinding = {
  kind: 'suite',
  id: 'webhook_signature',
  description: 'Every webhook delivery carries a valid HMAC signature and a fresh timestamp.',
};

/** A delivery's body does not validate against the spec's `webhooks`. */
export const webhookSchemaConformance: SuiteFinding = {
  kind: 'suite',
  id: 'webhook_schema_conformance',
  description: "Every webhook delivery validates against the spec's webhooks.",
};

/** A streamed step's events do not behave as the suite expects. */
export const sseStreamSemantics: SuiteFinding = {
  kind: 'suite',
  id: 'sse_stream_semantics',
  description: 'A streamed step delivers its events as the suite expects.',
};

/** The run changed its target's state for everything after one of its own requests (`target-poisoned.ts`). */
export const targetPoisoned: SuiteFinding = {
  kind: 'suite',
  id: 'target_poisoned',
  description:
    "After one of the run's own requests, an operation's (or every write's) answers flip to one uniform error; those answers are inconclusive.",
};

/** Every suite-only id, in report order. */
export const SUITE_FINDINGS: readonly SuiteFinding[] = [
  workflowStepFailed,
  webhookDelivery,
  webhookSignature,
  webhookSchemaConformance,
  sseStreamSemantics,
  targetPoisoned,
];
