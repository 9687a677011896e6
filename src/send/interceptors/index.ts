/** Every interceptor of the run's dispatch, one file each; `src/engine.ts` composes them in one place. */
export { rateLimit } from './rate-limit.ts';
export { backOff, type BackOffOptions } from './back-off.ts';
export { budget, createRunLimits, type RunLimits, type LimitOptions } from './budget.ts';
export { record, createTally, type Recorder } from './record.ts';
export { streamGuard, type StreamWatch } from './stream-guard.ts';
