/**
 * A local webhook receiver: a node:http server on 127.0.0.1:0 that records every delivery (raw body bytes
 * as text, lower-cased headers, arrival time) and answers 200, so a suite can register its URL as a
 * `webhook_url` and then wait for, verify and validate what the API sends.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One delivery as received. */
export interface Delivery {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The raw body exactly as received (signatures are computed over it). */
  body: string;
  receivedAt: number;
}

/** A running receiver. */
export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  /** Resolves once `count` deliveries passing `filter` arrived, or at the timeout, with those that did. */
  waitFor(count: number, timeoutMs: number, filter?: (d: Delivery) => boolean): Promise<Delivery[]>;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 and an ephemeral port; `status` is what it answers each delivery. */
export async function startWebhookReceiver(
  options: { status?: number; maxBodyBytes?: number; port?: number; host?: string } = {},
): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= (options.maxBodyBytes ?? 1024 * 1024)) parts.push(chunk);
    });
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      deliveries.push({
        method: req.method ?? 'POST',
        path: req.url ?? '/',
        headers,
        body: Buffer.concat(parts).toString('utf8'),
        receivedAt: Date.now(),
      });
      res.writeHead(options.status ?? 200, { 'content-type': 'application/json' }).end('{"received":true}');
      for (const w of waiters) w();
    });
  });
  // A port and host only when the user gave a --callback-url that the target reaches from elsewhere.
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    waitFor(count, timeoutMs, filter = () => true) {
      return new Promise((resolve) => {
        const check = () => {
          const got = deliveries.filter(filter);
          if (got.length < count) return;
          finish();
        };
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(deliveries.filter(filter));
        };
        const timer = setTimeout(finish, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
