/**
 * The generation thread: rebuilds the Spec around the document the run posted and answers generation jobs in
 * the order they arrive. Generation is a pure function of (spec, operation, kind, count, seed), so a case made
 * here is exactly the case the main thread would have made; only the time it costs moves off the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generate } from './index.ts';
import { specFromDocument } from '../load/index.ts';
import type { JsonObject } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import type { GenerationJob, GenerationReply, KindResult } from './generation-pool.ts';

const { document, source } = workerData as { document: JsonObject; source: string };
const spec = specFromDocument(document, source);
const validator = createValidator(spec);
const operations = new Map(spec.operations.map((o) => [o.key, o]));

function answer(job: GenerationJob): KindResult[] {
  const operation = operations.get(job.operation);
  if (!operation) throw new Error(`the generation thread has no operation ${job.operation}`);
  return job.kinds.map(({ kind, count }): KindResult => {
    try {
      const out = generate(spec, operation, { kind, count, seed: job.seed, validator });
      return { kind, cases: out.cases, problems: out.problems };
    } catch (error) {
      return { kind, cases: [], problems: [], error: (error as Error).message };
    }
  });
}

// Loaded and compiled: from now on the main thread hands operations over instead of generating them itself.
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (job: GenerationJob) => {
  let reply: GenerationReply;
  try {
    reply = { id: job.id, results: answer(job) };
    parentPort!.postMessage(reply);
  } catch (error) {
    // Also reached when a case cannot be cloned: the main thread then generates this operation itself.
    parentPort!.postMessage({ id: job.id, error: (error as Error).message } satisfies GenerationReply);
  }
});
