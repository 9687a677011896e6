/**
 * The workflows stage: Arazzo suites (load, validate, run) and automatic stateful chains inferred from the
 * spec (links and create → read → update → delete), judged by the stateful checks.
 */
export { loadSuite, parseSuite } from './load-suite.ts';
export { runSuite, SUITE_CHECK_IDS } from './runner.ts';
export type { SuiteOptions, SuiteResult, StepResult } from './run-state.ts';
export type { Suite, Workflow, Step, Criterion, Action } from './suite-types.ts';
export { parseExpression, evaluate, type Expression, type ExpressionContext } from './expressions.ts';
export { interpolate } from './interpolate.ts';
export { parseCondition, evaluateCondition } from './condition.ts';
export { statefulPlan, type Chain } from './stateful-plan.ts';
export { runStateful, STATEFUL_CHECKS, type StatefulOptions, type StatefulResult } from './stateful-run.ts';
