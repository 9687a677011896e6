/**
 * The gateway's whole state, in memory. Every resource carries its owner (`'root'` or a sub-account id)
 * so scoping is one comparison; nothing here knows about HTTP.
 */

/** Who owns a resource: the account itself (`root`) or one of its sub-accounts. */
export type OwnerId = 'root' | string;

export interface SubAccountRecord {
  id: string;
  name: string;
  external_ref: string | null;
  spend_cap_cents: number | null;
  spent_cents: number;
  rate_limit_rpm: number | null;
  default_tag: string | null;
  created_at: number;
  /** Set on deletion; the record is kept only so the `use-after-free` drift can still serve it. */
  deleted: boolean;
}

export interface KeyRecord {
  id: string;
  key: string;
  name: string | null;
  sub_account_id: string;
  rate_limit_rpm: number | null;
  created_at: number;
  last_used_at: number | null;
  revoked: boolean;
}

export interface UsageRecord {
  requestId: string;
  at: number;
  owner: OwnerId;
  keyId: string;
  tag: string | null;
  model: string;
  operation: string;
  prompt_tokens: number;
  completion_tokens: number;
  cost_cents: number;
}

export interface JobRecord {
  owner: OwnerId;
  keyId: string;
  input: string;
  maxTokens?: number;
  idempotencyKey: string | null;
  /** Sign this job's webhooks with a wrong key (the `bad-webhook-signature` drift). */
  badSignature: boolean;
  job: Record<string, any>;
}

export interface TraceRecord {
  owner: OwnerId;
  trace: Record<string, any>;
}
export interface OwnedRecord {
  owner: OwnerId;
  value: Record<string, any>;
}

/** Everything the gateway remembers. */
export interface State {
  subAccounts: Map<string, SubAccountRecord>;
  keys: Map<string, KeyRecord>;
  jobs: Map<string, JobRecord>;
  idempotency: Map<string, { bodyHash: string; jobId: string; at: number }>;
  traces: Map<string, TraceRecord>;
  replays: Map<string, OwnedRecord>;
  evals: Map<string, OwnedRecord>;
  usage: UsageRecord[];
  secrets: Map<OwnerId, { secret: string; created_at: number }>;
  wallet: { balance_cents: number };
  /** Timers of jobs and webhook retries, cleared on close. */
  timers: Set<NodeJS.Timeout>;
  /** Aborts in-flight webhook deliveries on close. */
  abort: AbortController;
  closed: boolean;
}

/** A fresh, empty state with `walletCents` of credit. */
export function createState(walletCents: number): State {
  return {
    subAccounts: new Map(),
    keys: new Map(),
    jobs: new Map(),
    idempotency: new Map(),
    traces: new Map(),
    replays: new Map(),
    evals: new Map(),
    usage: [],
    secrets: new Map(),
    wallet: { balance_cents: walletCents },
    timers: new Set(),
    abort: new AbortController(),
    closed: false,
  };
}

/** Runs `fn` after `ms` unless the server closed meanwhile; the timer is tracked so close() can clear it. */
export function later(state: State, ms: number, fn: () => void): void {
  if (state.closed) return;
  const t = setTimeout(() => {
    state.timers.delete(t);
    if (!state.closed) fn();
  }, ms);
  state.timers.add(t);
}

/** Keeps the trace log bounded, as the contract promises (the last 1000). */
export function addTrace(state: State, record: TraceRecord): void {
  state.traces.set(record.trace.id, record);
  if (state.traces.size > 1000) state.traces.delete(state.traces.keys().next().value as string);
}

/** Whether `owner` may see a resource of `resourceOwner`: root sees everything, a sub-account its own. */
export const canSee = (owner: OwnerId, resourceOwner: OwnerId): boolean => owner === 'root' || owner === resourceOwner;
