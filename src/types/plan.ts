/** The plan of a run (plan → generate, engine, report): operations, budgets, status policies, shards. */
import type { Operation, Severity } from './document.ts';
import type { CaseKind } from './exchange.ts';

/** Which statuses count as "the server rejected the input" / "accepted it", per operation; shown in reports. */
export interface StatusPolicy {
  /** Statuses that mean "rejected" for negative cases, e.g. [400, 401, 403, 404, 405, 406, 409, 413, 414, 415, 422, 428, 431]. */
  rejected: number[];
  /** Status classes/values that mean "accepted" for positive cases, e.g. [200..299]. */
  accepted: number[];
  /** Where this policy came from: 'default' or the config key that set it. */
  source: string;
}

/** Cases per kind for one operation, in the order they are sent. */
export type Budget = Record<CaseKind, number>;

/** One slice of a run: `index` is 1-based, as in `--shard 2/4`. */
export interface Shard {
  index: number;
  count: number;
}

/** One operation that will be exercised. */
export interface PlannedOperation {
  operation: Operation;
  seed: number;
  budget: Budget;
  policy: StatusPolicy;
  /** Why the operation is a switch of global state (`plan/switches.ts`), when it is one. */
  switch?: string;
  /** A switch that runs after every other operation (the default; `--keep-order` keeps spec order). */
  last?: boolean;
}

/** The plan of a run. */
export interface Plan {
  seed: number;
  operations: PlannedOperation[];
  /** Operations not exercised, with the reason (shown in coverage). */
  skipped: Array<{ operation: Operation; reason: string }>;
  checks: Array<{ id: string; severity: Exclude<Severity, 'off'> }>;
  shard?: Shard;
}
