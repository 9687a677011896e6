/**
 * The request pipeline: id → route (404/405) → auth (401) → rate limit (429) → body (413/415/400) →
 * validation (400) → spend cap (402) → handler. Every answer, error or not, carries `x-request-id`;
 * unexpected exceptions become a 500 `Error` body rather than a dropped connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorObject } from 'ajv';
import { authenticate } from './auth.ts';
import { assertCanSpend } from './billing.ts';
import { parseJsonBody, readBody, tooLarge } from './body.ts';
import { driftApplies } from './drift.ts';
import { ApiError } from './errors.ts';
import { newRequestId } from './ids.ts';
import { limitOperation } from './operation-limit.ts';
import { RateLimiter } from './rate-limit.ts';
import { sendError, sendJson } from './respond.ts';
import { matchRoute, type Route } from './router.ts';
import { pointer, type SpecSchemas } from './spec.ts';
import type { OwnerId, State } from './store.ts';
import type { Principal, ResolvedOptions, RouteContext } from './types.ts';
import { validateRequest } from './validate-request.ts';

/** Requests per minute of the one operation the `no-retry-after` drift rate-limits. */
export const NO_RETRY_AFTER_RPM = 3;

/** Body errors a drift lets through: `accepts-invalid` a missing `input`, `nested-invalid-accepted` any inside a `dataset` item. */
function tolerated(errors: ErrorObject[], drift: (name: string) => boolean): boolean {
  const only = (ok: (e: ErrorObject) => boolean) => errors.length > 0 && errors.every(ok);
  return (
    (drift('accepts-invalid') &&
      only(
        (e) => e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'input',
      )) ||
    (drift('nested-invalid-accepted') && only((e) => /^\/dataset\/\d+(\/|$)/.test(e.instancePath)))
  );
}

/** What the steps of one request share: the server's options, state, routes, schemas and its one rate limiter. */
interface Server {
  opts: ResolvedOptions;
  state: State;
  routes: readonly Route[];
  schemas: SpecSchemas;
  limiter: RateLimiter;
}

type Drift = (name: string) => boolean;

/** Builds the `node:http` request listener. */
export function createHandler(opts: ResolvedOptions, state: State, routes: readonly Route[], schemas: SpecSchemas) {
  const server: Server = { opts, state, routes, schemas, limiter: new RateLimiter(opts.now) };
  return (req: IncomingMessage, res: ServerResponse): void => {
    const base: Record<string, string> = { 'x-request-id': newRequestId() };
    handle(server, req, res, base).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy(); // mid-stream: nothing valid left to send
      const apiErr =
        err instanceof ApiError ? err : new ApiError(500, 'api_error', 'internal_error', 'Internal error.');
      sendError(res, apiErr, base);
    });
  };
}

/** One request through the steps in the order the module comment gives; each step throws its ApiError. */
async function handle(server: Server, req: IncomingMessage, res: ServerResponse, base: Record<string, string>) {
  const { opts, state, schemas } = server;
  const url = new URL(req.url ?? '/', 'http://gateway.local');
  const raw = await readBody(req, opts.maxBodyBytes);
  const { route, params } = routeOf(server.routes, req.method, url.pathname);
  const drift: Drift = (name) => driftApplies(opts.drifts, name, route.operationId);
  if (drift('missing-header')) delete base['x-request-id'];

  const principal = principalOf(server, req, drift, () => state.jobs.get(params.id ?? '')?.owner);
  limitRate(server.limiter, principal, route, drift, base);
  if (drift('rate-limit-body')) limitOperation(server.limiter, `${principal.keyId}:${route.operationId}`, base);
  const body = bodyOf(schemas, route, req, raw, opts.maxBodyBytes);
  const query = validateRequest(
    schemas,
    { method: route.method, path: route.path, search: url.searchParams, headers: req.headers, body },
    (errors) => tolerated(errors, drift),
  );
  if (route.billable && !drift('spend-cap-ignored')) assertCanSpend(state, principal);

  const tagHeader = req.headers['x-aig-tag'];
  const ctx: RouteContext = {
    operationId: route.operationId,
    requestId: base['x-request-id'] ?? newRequestId(),
    params,
    query,
    headers: req.headers,
    body,
    principal,
    state,
    opts,
    res,
    baseHeaders: base,
    drift,
    nowSec: () => Math.floor(opts.now() / 1000),
    tag: typeof tagHeader === 'string' ? tagHeader : (principal.subAccount?.default_tag ?? null),
  };
  const reply = await route.handler(ctx);
  if (reply !== 'streamed') sendJson(res, reply.status, reply.body, { ...base, ...reply.headers }, reply.contentType);
}

/** The route of a request, or the 404 / 405 (with `Allow`) that says why there is none. */
function routeOf(routes: readonly Route[], method: string | undefined, pathname: string) {
  const match = matchRoute(routes, method ?? 'GET', pathname);
  if (match.kind === 'not_found')
    throw new ApiError(404, 'not_found_error', 'unknown_path', `No operation at ${pathname}.`);
  if (match.kind === 'method_not_allowed') {
    throw new ApiError(
      405,
      'invalid_request_error',
      'method_not_allowed',
      `${method} is not allowed here; allowed: ${match.allow.join(', ')}.`,
      null,
      { allow: match.allow.join(', ') },
    );
  }
  return match;
}

/** Counts the request against the caller's limit (headers on every answer), or throws the 429. */
function limitRate(
  limiter: RateLimiter,
  principal: Principal,
  route: Route,
  drift: Drift,
  base: Record<string, string>,
) {
  const rate = limiter.hit(principal.keyId, principal.rpm);
  Object.assign(base, {
    'x-ratelimit-limit-requests': String(rate.limit),
    'x-ratelimit-remaining-requests': String(rate.remaining),
  });
  if (!rate.allowed) {
    const headers: Record<string, string> = drift('no-retry-after')
      ? {}
      : { 'retry-after': String(rate.retryAfterSec) };
    throw new ApiError(
      429,
      'rate_limit_error',
      'rate_limit_exceeded',
      `Rate limit of ${rate.limit} requests per minute reached.`,
      null,
      headers,
    );
  }
  // no-retry-after: this operation gets its own tiny limit, so that a harness using the root key
  // really meets the 429 (which then lacks Retry-After).
  if (drift('no-retry-after') && !limiter.hit(`${principal.keyId}:${route.operationId}`, NO_RETRY_AFTER_RPM).allowed) {
    throw new ApiError(
      429,
      'rate_limit_error',
      'rate_limit_exceeded',
      `Rate limit of ${NO_RETRY_AFTER_RPM} requests per minute reached.`,
    );
  }
}

/** The parsed JSON body when the operation takes one (413 when it was over the limit, 415/400 when unreadable). */
function bodyOf(schemas: SpecSchemas, route: Route, req: IncomingMessage, raw: Buffer | null, maxBytes: number) {
  const bodySpec = schemas.at(`${pointer('paths', route.path, route.method.toLowerCase())}/requestBody`);
  if (raw === null) throw tooLarge(maxBytes);
  return bodySpec ? parseJsonBody(raw, req.headers['content-type'], Boolean(bodySpec.required)) : undefined;
}

/**
 * The caller. Under `auth-not-enforced` a request without Authorization is the root; under `auth-live-resource`
 * it is the owner of the job it names, when that job exists (`liveOwner`).
 */
function principalOf(
  { opts, state }: Server,
  req: IncomingMessage,
  drift: Drift,
  liveOwner: () => OwnerId | undefined,
): Principal {
  if (!req.headers.authorization) {
    const owner = drift('auth-live-resource') ? liveOwner() : drift('auth-not-enforced') ? 'root' : undefined;
    if (owner !== undefined) return { owner, keyId: 'key_root', subAccount: null, rpm: opts.rootRateLimitRpm };
  }
  return authenticate(req.headers, state, opts);
}
