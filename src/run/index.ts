/** The run stage: orchestration of a whole harness run. */
export { run, planRun } from './run.ts';
export { RUN_DEFAULTS, withDefaults, type RunOptions, type RunProgress } from '../run-options.ts';
export { loadDeps, type RunDeps, type GenerateCases, type ShrinkCase } from './deps.ts';
export { dedupeFindings, findingsExitCode } from '../report/findings.ts';
export { scrubSecrets, REDACTED } from '../report/scrub.ts';
