/**
 * Moves jobs through queued → running → succeeded | failed, one state change per `jobStepMs`, bills a
 * job once when it succeeds, and sends its webhook. Inputs containing `[[fail]]` fail on purpose so
 * clients can exercise `job.failed`.
 */
import { explicitModel } from './auto-router.ts';
import { charge, usageOf } from './billing.ts';
import { chatPromptTokens, generate } from './fake-model.ts';
import { later, type JobRecord, type State } from './store.ts';
import type { ResolvedOptions } from './types.ts';
import { deliver } from './webhooks.ts';

/** The trigger that makes a job fail. */
export const FAIL_MARKER = '[[fail]]';

const terminal = (status: string): boolean => status === 'succeeded' || status === 'failed' || status === 'cancelled';

function finish(state: State, opts: ResolvedOptions, rec: JobRecord): void {
  const job = rec.job;
  const now = Math.floor(opts.now() / 1000);
  if (rec.input.includes(FAIL_MARKER)) {
    Object.assign(job, {
      status: 'failed',
      error: { code: 'generation_failed', message: 'The model failed to produce an answer.' },
      completed_at: now,
    });
  } else {
    const model = explicitModel(job.model, 'text');
    const messages = [{ role: 'user', content: rec.input }];
    const gen = generate(model.id, messages, rec.maxTokens);
    const usage = usageOf(model, chatPromptTokens(messages), gen.pieces.length);
    charge(
      state,
      { requestId: job.id, owner: rec.owner, keyId: rec.keyId, tag: job.tag },
      opts.now(),
      model.id,
      'job',
      usage,
    );
    Object.assign(job, {
      status: 'succeeded',
      progress: 100,
      result: { output: gen.pieces.join(''), usage },
      completed_at: now,
    });
  }
  if (job.webhook_url) {
    deliver(state, opts.now, opts.jobStepMs, {
      url: job.webhook_url,
      owner: rec.owner,
      type: job.status === 'succeeded' ? 'job.completed' : 'job.failed',
      data: { job: structuredClone(job) },
      badSignature: rec.badSignature,
    });
  }
}

/** Schedules the life of a freshly queued job. */
export function startJob(state: State, opts: ResolvedOptions, rec: JobRecord): void {
  const step = opts.jobStepMs;
  const job = rec.job;
  later(state, step, () => {
    if (terminal(job.status)) return;
    Object.assign(job, { status: 'running', started_at: Math.floor(opts.now() / 1000), progress: 0 });
    later(state, step, () => {
      if (terminal(job.status)) return;
      job.progress = 50;
      later(state, step, () => {
        if (!terminal(job.status)) finish(state, opts, rec);
      });
    });
  });
}

/** Cancels a queued or running job; terminal jobs are left as they are. */
export function cancelJob(rec: JobRecord, nowSec: number): void {
  if (terminal(rec.job.status)) return;
  Object.assign(rec.job, { status: 'cancelled', completed_at: nowSec });
}
