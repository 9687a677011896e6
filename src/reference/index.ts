/**
 * The reference AIgateway: an in-memory, deterministic implementation of every operation of
 * openapi.json, with opt-in drifts for testing the harness. Start it with createReferenceServer().
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseDrifts } from './drift.ts';
import { ROUTES } from './routes/index.ts';
import { createHandler } from './server.ts';
import { SpecSchemas, loadSpec } from './spec.ts';
import { createState } from './store.ts';
import type { ReferenceServerOptions, ResolvedOptions } from './types.ts';

export { DRIFTS, formatDriftList, parseDrifts, type Drift } from './drift.ts';
export type { ReferenceServerOptions } from './types.ts';

/** A running (or ready to run) reference gateway. */
export interface ReferenceServer {
  server: Server;
  /** Listens (port 0 = any free port; host default 127.0.0.1) and resolves to the base URL. */
  listen(port?: number, host?: string): Promise<{ url: string }>;
  /** Stops jobs and webhook retries, closes connections and the server. */
  close(): Promise<void>;
}

/** Fills every default; throws on unknown drift names. */
export function resolveOptions(o: ReferenceServerOptions = {}): ResolvedOptions {
  return {
    key: o.key ?? 'sk-aig-test',
    drifts: parseDrifts(o.drift ?? []),
    specPath: o.specPath,
    now: o.now ?? Date.now,
    jobStepMs: o.jobStepMs ?? 50,
    rootRateLimitRpm: o.rootRateLimitRpm ?? 100_000,
    walletCents: o.walletCents ?? 1_000_000,
    maxBodyBytes: o.maxBodyBytes ?? 1024 * 1024,
  };
}

/** Creates the reference gateway; it does not listen until `listen()` is called. */
export function createReferenceServer(options: ReferenceServerOptions = {}): ReferenceServer {
  const opts = resolveOptions(options);
  const state = createState(opts.walletCents);
  const schemas = new SpecSchemas(loadSpec(opts.specPath));
  const server = createServer(createHandler(opts, state, ROUTES, schemas));
  return {
    server,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port: actual } = server.address() as AddressInfo;
          resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}` });
        });
      });
    },
    close() {
      state.closed = true;
      for (const t of state.timers) clearTimeout(t);
      state.timers.clear();
      state.abort.abort();
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
