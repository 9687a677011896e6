/**
 * The library target: `createLibraryServer({drifts})` serves openapi.yaml in memory on node:http. The request
 * pipeline: route (404/405) → API key in `api_key` or the `lib_session` cookie (401) → rate limit (429) →
 * maintenance (503 on writes) → parameters (404 path, 400 query/header) → body (415, 400; 422 on /loans) →
 * handler. Clean, it conforms to its contract; each drift of LIBRARY_DRIFTS breaks one operation in one way.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBook, deleteBook, getBook, listBooks, updateBook, uploadCover } from './books.ts';
import { loadContract, type Operation } from './contract.ts';
import { LIBRARY_DRIFTS } from './drifts.ts';
import { ApiError, errorReply, type Reply, RateWindows, readBody, send } from './http.ts';
import * as loans from './loans.ts';
import { createMember, deleteMember, getMember, listMembers, updateMember } from './members.ts';
import { readBodyOf, readParams } from './request.ts';
import { type Ctx, createStore, type Store } from './store.ts';

/** The key every request must carry (in `api_key` or the `lib_session` cookie). */
export const LIBRARY_KEY = 'lib-test-key';

const HANDLERS: Record<string, (ctx: Ctx) => Reply> = {
  getHealth: loans.getHealth,
  listBooks,
  createBook,
  getBook,
  updateBook,
  deleteBook,
  uploadCover,
  listMembers,
  createMember,
  getMember,
  updateMember,
  deleteMember,
  getMaintenance: loans.getMaintenance,
  setMaintenance: loans.setMaintenance,
  createLoan: loans.createLoan,
  getLoan: loans.getLoan,
  returnLoan: loans.returnLoan,
  createReadingList: loans.createReadingList,
  getReadingList: loans.getReadingList,
  search: loans.search,
  suggestPurchase: loans.suggestPurchase,
};

/** Rate-limited operations: requests per 10-second window per key. */
const LIMITS: Record<string, number> = { search: 20, suggestPurchase: 5 };
const WINDOW_MS = 10_000;
/** Seconds a client is told to wait during maintenance. */
const MAINTENANCE_RETRY_S = 5;

export interface LibraryServer {
  listen(port?: number): Promise<{ url: string }>;
  close(): Promise<void>;
  store: Store;
}

/** A library server with `drifts` (names, or `all`) switched on. */
export function createLibraryServer(options: { drifts?: readonly string[] } = {}): LibraryServer {
  const wanted = options.drifts ?? [];
  const known = new Set(LIBRARY_DRIFTS.map((d) => d.name));
  for (const n of wanted) if (n !== 'all' && !known.has(n)) throw new Error(`Unknown library drift "${n}".`);
  const drifts = new Set(wanted.includes('all') ? known : wanted);
  const contract = loadContract();
  const store = createStore();
  const windows = new RateWindows();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://library.local');
    const raw = await readBody(req);
    const { op, params } = route(contract.operations, req.method ?? 'GET', url.pathname);
    const drift = (name: string) => drifts.has(name);
    const ctx: Ctx = { op, params, query: {}, rawQuery: url.searchParams, headers: req.headers, store, drift };
    authenticate(ctx, url);
    limit(ctx, url, windows);
    if (store.maintenance.enabled && op.method !== 'GET' && op.operationId !== 'setMaintenance')
      throw new ApiError(503, 'maintenance', 'The library is in maintenance.', {
        'retry-after': String(MAINTENANCE_RETRY_S),
      });
    ctx.query = readParams(ctx, contract.doc);
    await readBodyOf(ctx, raw, contract.doc);
    send(res, HANDLERS[op.operationId]!(ctx));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      send(res, errorReply(err instanceof ApiError ? err : new ApiError(500, 'internal_error', 'Internal error.')));
    });
  });

  return {
    store,
    listen: (port = 0) =>
      new Promise((resolve) =>
        server.listen(port, '127.0.0.1', () =>
          resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
        ),
      ),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 401 without the key, except (drift `live-member-auth`) for a member that exists. */
function authenticate(ctx: Ctx, url: URL): void {
  if (!ctx.op.secured) return;
  const cookie = /(?:^|;\s*)lib_session=([^;]*)/.exec(ctx.headers.cookie ?? '')?.[1];
  const given = url.searchParams.get('api_key') ?? (cookie === undefined ? null : decodeURIComponent(cookie));
  if (given === LIBRARY_KEY) return;
  const live = ctx.store.members.get(ctx.params.memberId ?? '');
  if (given === null && ctx.op.operationId === 'getMember' && live && !live.deleted && ctx.drift('live-member-auth'))
    return;
  throw new ApiError(401, 'unauthorized', given === null ? 'An API key is required.' : 'Unknown API key.');
}

/** Counts the request in its operation's window (if rate-limited); 429 + Retry-After past the limit. */
function limit(ctx: Ctx, url: URL, windows: RateWindows): void {
  const max = LIMITS[ctx.op.operationId];
  if (max === undefined) return;
  const key = url.searchParams.get('api_key') ?? ctx.headers.cookie ?? '';
  const w = windows.hit(`${ctx.op.operationId}\n${key}`, max, WINDOW_MS);
  ctx.rateLeft = w.left;
  if (w.allowed) return;
  const message = `At most ${max} requests per 10 s.`;
  const noRetry = ctx.op.operationId === 'search' && ctx.drift('search-no-retry-after');
  const bare = ctx.op.operationId === 'suggestPurchase' && ctx.drift('suggest-429-body');
  const headers: Record<string, string> = noRetry ? {} : { 'retry-after': String(w.retry) };
  throw new ApiError(429, 'rate_limited', message, headers, bare ? { message } : undefined);
}

/** The operation of `method path`; 404 for an unknown path, 405 + Allow for a method the path lacks. */
function route(
  ops: readonly Operation[],
  method: string,
  path: string,
): { op: Operation; params: Record<string, string> } {
  const onPath = ops.filter((o) => o.pattern.test(path));
  if (onPath.length === 0) throw new ApiError(404, 'not_found', `No operation at ${path}.`);
  const op = onPath.find((o) => o.method === method);
  if (!op) {
    const allow = onPath.map((o) => o.method).join(', ');
    throw new ApiError(405, 'method_not_allowed', `${method} is not allowed; allowed: ${allow}.`, { allow });
  }
  const values = op.pattern.exec(path)!.slice(1);
  const names = [...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  let params: Record<string, string>;
  try {
    params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(values[i]!)]));
  } catch {
    throw new ApiError(404, 'not_found', `No operation at ${path}.`);
  }
  return { op, params };
}
