/**
 * Shared domain types: the values passed between the pipeline's stages.
 * load (Spec) → lint (Problem[]) → plan (Plan) → generate (Case) → send (Exchange) → check (Finding[]) →
 * report (RunResult → files). Stage-private types live in their stage's folder; only what crosses a folder
 * boundary lives here (the run's options, shared by the CLI and the pipeline, live in `run-options.ts`).
 * The types themselves live in `types/`, one file per part of the pipeline; this file is the one import point.
 */
export * from './types/document.ts';
export * from './types/exchange.ts';
export * from './types/plan.ts';
export * from './types/result.ts';
