/**
 * Planning is pure: (spec, options, seed) → Plan. It decides which operations run (and why the others do not),
 * which checks run at which severity, each operation's case budget, status policy and seed.
 */
import { HarnessError } from '../errors.ts';
import type { Budget, CaseKind, Operation, Plan, Severity, Shard, Spec, StatusPolicy } from '../types.ts';
import { defaultPolicy } from './policy.ts';
import { parseSelectors } from './select.ts';
import { inShard, operationSeed } from './shard.ts';
import { switchReason, switchesLast } from './switches.ts';

/** Kinds in sending order: documented examples first, then boundaries, then random valid and invalid data. */
export const KIND_ORDER: CaseKind[] = ['example', 'boundary', 'positive', 'negative'];

/** Small enough that the whole reference API runs in seconds, large enough to touch every kind. */
export const DEFAULT_BUDGET: Budget = { example: 3, boundary: 6, positive: 6, negative: 8 };

/** A check as the plan needs it (the Check objects themselves stay in `src/check/`). */
export interface CheckInfo {
  id: string;
  defaultSeverity: Exclude<Severity, 'off'>;
}

/** What to plan. Every field is optional except the available checks. */
export interface PlanOptions {
  available: CheckInfo[];
  /** Ids to run, or `['all']` (the default). */
  checks?: string[];
  severities?: Record<string, Severity>;
  include?: string[];
  exclude?: string[];
  readOnly?: boolean;
  shard?: Shard;
  budget?: Partial<Budget>;
  /** Per-operation overrides of the status policy, keyed by operation key or operationId. */
  policies?: Record<string, Partial<Omit<StatusPolicy, 'source'>>>;
  /** Switch operations (global toggles) run after all others unless this is false. */
  switchesLast?: boolean;
}

const SAFE_METHODS = new Set(['get', 'head', 'options']);

/** Builds the plan; unknown check ids are a HarnessError listing the valid ones. */
export function buildPlan(spec: Spec, options: PlanOptions, seed: number): Plan {
  const checks = selectChecks(options);
  const include = parseSelectors(options.include ?? []);
  const exclude = parseSelectors(options.exclude ?? []);
  const budget: Budget = { ...DEFAULT_BUDGET, ...options.budget };
  const plan: Plan = { seed, operations: [], skipped: [], checks };
  if (options.shard) plan.shard = options.shard;
  checkPolicyKeys(spec, options.policies);
  for (const operation of spec.operations) {
    const reason = skipReason(operation, options, include, exclude);
    if (reason) {
      plan.skipped.push({ operation, reason });
      continue;
    }
    const policy = policyFor(operation, options.policies);
    const why = switchReason(spec, operation);
    const last = why !== undefined && options.switchesLast !== false;
    const switching = why ? { switch: why, ...(last ? { last } : {}) } : {};
    plan.operations.push({ operation, seed: operationSeed(seed, operation.key), budget, policy, ...switching });
  }
  plan.operations = switchesLast(plan.operations);
  return plan;
}

function skipReason(
  op: Operation,
  options: PlanOptions,
  include: ReturnType<typeof parseSelectors>,
  exclude: ReturnType<typeof parseSelectors>,
): string | undefined {
  if (op.webhook) return 'webhook: requests the API sends, not receives';
  if (options.readOnly && !SAFE_METHODS.has(op.method)) return `excluded by --read-only (${op.method.toUpperCase()})`;
  if (include.length > 0 && !include.some((s) => s.matches(op))) return 'not matched by --include';
  const excluded = exclude.find((s) => s.matches(op));
  if (excluded) return `excluded by --exclude ${excluded.text}`;
  if (!inShard(op.key, options.shard)) return `in another shard than ${options.shard!.index}/${options.shard!.count}`;
  return undefined;
}

function selectChecks(options: PlanOptions): Plan['checks'] {
  const requested = (options.checks ?? ['all'])
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter(Boolean);
  const valid = options.available.map((c) => c.id);
  const unknown = [...requested, ...Object.keys(options.severities ?? {})].filter(
    (id) => id !== 'all' && !valid.includes(id),
  );
  if (unknown.length > 0) {
    throw new HarnessError(
      'UNKNOWN_CHECK',
      `unknown check ${unknown.map((u) => `"${u}"`).join(', ')}; valid checks: all, ${valid.join(', ')}`,
    );
  }
  const wanted = requested.length === 0 || requested.includes('all') ? valid : requested;
  return options.available.flatMap((c) => {
    const severity = options.severities?.[c.id] ?? c.defaultSeverity;
    return wanted.includes(c.id) && severity !== 'off' ? [{ id: c.id, severity }] : [];
  });
}

/** The policy of an operation: its own (by "METHOD /path" or operationId), else the "*" one, over the defaults. */
function policyFor(op: Operation, overrides: PlanOptions['policies']): StatusPolicy {
  const base = defaultPolicy(op);
  const key = [op.key, op.operationId, '*'].find((k) => k !== undefined && overrides?.[k] !== undefined);
  const own = key ? overrides?.[key] : undefined;
  return own ? { ...base, ...own, source: `policies["${key}"]` } : base;
}

/** A policy key that names no operation is a typo that would silently keep the defaults: refuse it. */
function checkPolicyKeys(spec: Spec, overrides: PlanOptions['policies']): void {
  const names = new Set(spec.operations.flatMap((o) => [o.key, ...(o.operationId ? [o.operationId] : [])]));
  const unknown = Object.keys(overrides ?? {}).filter((k) => k !== '*' && !names.has(k));
  if (unknown.length > 0) {
    throw new HarnessError(
      'UNKNOWN_OPERATION',
      `policies name no operation of the spec: ${unknown.map((u) => `"${u}"`).join(', ')} (keys are operationIds, "METHOD /path" or "*")`,
    );
  }
}
