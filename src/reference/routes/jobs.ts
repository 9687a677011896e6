/** /v1/jobs: async jobs with Idempotency-Key support and webhook delivery. */
import { resolveModel } from '../auto-router.ts';
import { ApiError } from '../errors.ts';
import { newId } from '../ids.ts';
import { cancelJob as cancel, startJob } from '../job-runner.ts';
import { canSee, type JobRecord } from '../store.ts';
import type { Handler, RouteContext } from '../types.ts';
import { canonicalJson, owned, page, pageParams, sha256, visible } from './common.ts';

const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

function idempotencySlot(ctx: RouteContext): string | null {
  const key = ctx.headers['idempotency-key'];
  return typeof key === 'string' && !ctx.drift('idempotency-broken') ? `${ctx.principal.owner}\n${key}` : null;
}

export const createJob: Handler = (ctx) => {
  const b = ctx.body as {
    model?: string;
    input: string;
    max_tokens?: number;
    webhook_url?: string;
    metadata?: Record<string, string>;
  };
  const slot = idempotencySlot(ctx);
  const bodyHash = sha256(canonicalJson(b));
  const previous = slot ? ctx.state.idempotency.get(slot) : undefined;
  if (previous && ctx.opts.now() - previous.at < IDEMPOTENCY_TTL_MS) {
    if (previous.bodyHash !== bodyHash)
      throw new ApiError(
        409,
        'conflict_error',
        'idempotency_key_reused',
        'Idempotency-Key reused with a different request body.',
      );
    return { status: 200, body: ctx.state.jobs.get(previous.jobId)!.job, headers: { 'idempotent-replayed': 'true' } };
  }
  const { model } = resolveModel(b.model, 'text', { promptChars: b.input.length });
  const job = {
    id: newId('job_', 8),
    object: 'job',
    status: 'queued',
    model: model.id,
    progress: 0,
    webhook_url: b.webhook_url ?? null,
    metadata: b.metadata ?? {},
    result: null,
    error: null,
    created_at: ctx.nowSec(),
    started_at: null,
    completed_at: null,
    sub_account_id: ctx.principal.subAccount?.id ?? null,
    tag: ctx.tag,
  };
  const rec: JobRecord = {
    owner: ctx.principal.owner,
    keyId: ctx.principal.keyId,
    input: b.input,
    maxTokens: b.max_tokens,
    idempotencyKey: slot,
    badSignature: ctx.drift('bad-webhook-signature'),
    job,
  };
  ctx.state.jobs.set(job.id, rec);
  if (slot) ctx.state.idempotency.set(slot, { bodyHash, jobId: job.id, at: ctx.opts.now() });
  startJob(ctx.state, ctx.opts, rec);
  return { status: 202, body: job };
};

export const listJobs: Handler = (ctx) => {
  const [limit, after] = pageParams(ctx);
  const status = ctx.query.status as string | undefined;
  if (status === 'cancelled' && ctx.drift('rare-enum-error'))
    throw new ApiError(500, 'api_error', 'internal_error', 'Simulated failure (rare-enum-error drift).');
  const jobs = visible(ctx.state.jobs, ctx)
    .map((r) => r.job as { id: string; status: string })
    .filter((j) => status === undefined || j.status === status);
  return { status: 200, body: page(jobs, limit, after) };
};

export const getJob: Handler = (ctx) => {
  const rec = ctx.state.jobs.get(ctx.params.id!);
  // Under `tenant-leak` the ownership check is skipped: any key can read any job.
  if (rec && ctx.drift('tenant-leak') && !canSee(ctx.principal.owner, rec.owner)) return { status: 200, body: rec.job };
  return { status: 200, body: owned(ctx.state.jobs, ctx.params.id!, ctx, 'job').job };
};

export const cancelJob: Handler = (ctx) => {
  const rec = owned(ctx.state.jobs, ctx.params.id!, ctx, 'job');
  cancel(rec, ctx.nowSec());
  return { status: 200, body: rec.job };
};
