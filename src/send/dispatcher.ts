/** The one keep-alive connection pool a run sends everything through. */
import { Agent, type Dispatcher } from 'undici';

/** Pool settings for a run. */
export interface DispatcherOptions {
  /** Connections per origin; match the number of workers. */
  connections: number;
  /** Skip TLS certificate verification (`--insecure`). Off by default. */
  insecure?: boolean;
  connectTimeoutMs?: number;
}

/** Creates the run's Agent: keep-alive, no redirects, no retries, TLS verified unless `insecure`. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  return new Agent({
    connections: Math.max(1, options.connections),
    pipelining: 1,
    keepAliveTimeout: 10_000,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    connect: { rejectUnauthorized: !options.insecure },
  });
}
