/** Types shared by the reference gateway's modules: options, the caller, and what a route handler sees. */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { DriftName } from './drift.ts';
import type { OwnerId, State, SubAccountRecord } from './store.ts';

/** Options of createReferenceServer; every field has a default (see `resolveOptions`). */
export interface ReferenceServerOptions {
  /** Root API key. Default `sk-aig-test`. */
  key?: string;
  /** Drift names (or `all`) to switch on; see DRIFTS. */
  drift?: string[];
  /** The contract to validate requests against. Default: the repository's openapi.json. */
  specPath?: string;
  /** Clock in milliseconds, for timestamps and rate-limit windows. Default Date.now. */
  now?: () => number;
  /** Time between job state changes, and the base of webhook retry backoff. Default 50 ms. */
  jobStepMs?: number;
  /** Requests per minute of the root key. Default 100000 (high so fuzzers do not trip it). */
  rootRateLimitRpm?: number;
  /** Starting wallet credit in US cents. Default 1,000,000. */
  walletCents?: number;
  /** Largest accepted request body. Default 1 MiB. */
  maxBodyBytes?: number;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  key: string;
  drifts: Set<DriftName>;
  specPath: string | undefined;
  now: () => number;
  jobStepMs: number;
  rootRateLimitRpm: number;
  walletCents: number;
  maxBodyBytes: number;
}

/** Requests per minute of a sub-account key when neither the key nor its sub-account sets one. */
export const DEFAULT_SUB_ACCOUNT_RPM = 600;

/** The authenticated caller. */
export interface Principal {
  owner: OwnerId;
  keyId: string;
  subAccount: SubAccountRecord | null;
  rpm: number;
}

/** What a handler receives. */
export interface RouteContext {
  operationId: string;
  requestId: string;
  params: Record<string, string>;
  /** Query parameters declared by the operation, already coerced to their schema types. */
  query: Record<string, any>;
  headers: IncomingHttpHeaders;
  body: any;
  principal: Principal;
  state: State;
  opts: ResolvedOptions;
  /** Raw response, for handlers that stream. */
  res: ServerResponse;
  /** Headers every response of this request carries (request id, rate-limit state). */
  baseHeaders: Record<string, string>;
  /** Whether drift `name` is switched on for this operation. */
  drift(name: DriftName): boolean;
  /** Current time in Unix seconds. */
  nowSec(): number;
  /** Cost-attribution tag: `x-aig-tag`, else the sub-account's default tag. */
  tag: string | null;
}

/** A handler's answer: a JSON reply, or `'streamed'` when it wrote the response itself. */
export type Reply =
  | { status: number; body: unknown; headers?: Record<string, string>; contentType?: string }
  | 'streamed';

/** One operation's implementation. */
export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;
