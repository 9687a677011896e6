/** Small misbehaving node:http servers on 127.0.0.1:0 for transport tests (send and run). */
import http from 'node:http';
import net from 'node:net';

/** A started server and how to stop it. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
  /** Distinct TCP connections accepted so far. */
  connections(): number;
}

/** Starts a node:http server with `handler` on 127.0.0.1:0. */
export async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  let count = 0;
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    count++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => count,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port we bound and released). */
export async function refusedUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

/** Handlers for the misbehaviours a harness must survive. */
export const MISBEHAVIOURS: Record<string, http.RequestListener> = {
  json: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
  invalidJson: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":tru'),
  reset: (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    res.write('{"partial":');
    setTimeout(() => res.socket?.destroy(), 20);
  },
  hang: () => undefined,
  endlessBody: (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => res.write('x'.repeat(16_384)), 1);
    res.on('close', () => clearInterval(timer));
  },
  endlessStream: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let n = 0;
    const timer = setInterval(() => res.write(`data: {"n":${n++}}\n\n`), 5);
    res.on('close', () => clearInterval(timer));
  },
  redirect: (_req, res) => res.writeHead(302, { location: 'http://example.invalid/steal' }).end(),
};
