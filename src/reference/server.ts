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

/** Builds the `node:http` request listener. */
export function createHandler(opts: ResolvedOptions, state: State, routes: readonly Route[], schemas: SpecSchemas) {
  const limiter = new RateLimiter(opts.now);

  async function handle(req: IncomingMessage, res: ServerResponse, base: Record<string, string>): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway.local');
    const raw = await readBody(req, opts.maxBodyBytes);
    const match = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (match.kind === 'not_found')
      throw new ApiError(404, 'not_found_error', 'unknown_path', `No operation at ${url.pathname}.`);
    if (match.kind === 'method_not_allowed') {
      throw new ApiError(
        405,
        'invalid_request_error',
        'method_not_allowed',
        `${req.method} is not allowed here; allowed: ${match.allow.join(', ')}.`,
        null,
        { allow: match.allow.join(', ') },
      );
    }
    const { route, params } = match;
    const drift = (name: string) => driftApplies(opts.drifts, name, route.operationId);
    if (drift('missing-header')) delete base['x-request-id'];

    const principal = principalOf(req, drift, () => state.jobs.get(params.id ?? '')?.owner);
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
    if (
      drift('no-retry-after') &&
      !limiter.hit(`${principal.keyId}:${route.operationId}`, NO_RETRY_AFTER_RPM).allowed
    ) {
      throw new ApiError(
        429,
        'rate_limit_error',
        'rate_limit_exceeded',
        `Rate limit of ${NO_RETRY_AFTER_RPM} requests per minute reached.`,
      );
    }

    if (drift('rate-limit-body')) limitOperation(limiter, `${principal.keyId}:${route.operationId}`, base);

    const opPtr = pointer('paths', route.path, route.method.toLowerCase());
    const bodySpec = schemas.at(`${opPtr}/requestBody`);
    let body: unknown;
    if (bodySpec) {
      if (raw === null) throw tooLarge(opts.maxBodyBytes);
      body = parseJsonBody(raw, req.headers['content-type'], Boolean(bodySpec.required));
    } else if (raw === null) throw tooLarge(opts.maxBodyBytes);
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

  /**
   * The caller. Under `auth-not-enforced` a request without Authorization is the root; under `auth-live-resource`
   * it is the owner of the job it names, when that job exists (`liveOwner`).
   */
  function principalOf(
    req: IncomingMessage,
    drift: (name: string) => boolean,
    liveOwner: () => OwnerId | undefined,
  ): Principal {
    if (!req.headers.authorization) {
      const owner = drift('auth-live-resource') ? liveOwner() : drift('auth-not-enforced') ? 'root' : undefined;
      if (owner !== undefined) return { owner, keyId: 'key_root', subAccount: null, rpm: opts.rootRateLimitRpm };
    }
    return authenticate(req.headers, state, opts);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const base: Record<string, string> = { 'x-request-id': newRequestId() };
    handle(req, res, base).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy(); // mid-stream: nothing valid left to send
      const apiErr =
        err instanceof ApiError ? err : new ApiError(500, 'api_error', 'internal_error', 'Internal error.');
      sendError(res, apiErr, base);
    });
  };
}
