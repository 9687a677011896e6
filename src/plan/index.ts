/** The plan stage: pure selection of operations, checks, budgets and status policies. */
export {
  buildPlan,
  DEFAULT_BUDGET,
  KIND_ORDER,
  type PlanOptions,
  type CheckInfo,
} from './plan.ts';
export { formatPlan } from './format.ts';
export { defaultPolicy, formatStatuses, DEFAULT_REJECTED } from './policy.ts';
export { parseShard, inShard, stableHash, operationSeed } from './shard.ts';
export { parseSelector, parseSelectors, globToRegExp } from './select.ts';
