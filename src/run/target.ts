/** The API under test: a given base URL (checked with a quick pre-flight connect) or the embedded reference server. */
import net from 'node:net';
import { HarnessError } from '../errors.ts';
import type { RunDeps } from './deps.ts';

/** Where requests go, how to stop it, and the key to use when we started it ourselves. */
export interface Target {
  url: string;
  embedded: boolean;
  key?: string;
  close(): Promise<void>;
}

/** Opens and closes one TCP connection to the base URL's host; a refusal or timeout is TARGET_UNREACHABLE. */
export async function preflight(baseUrl: string, timeoutMs = 3000): Promise<void> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new HarnessError('USAGE', `--base-url "${baseUrl}" is not an absolute URL (e.g. http://127.0.0.1:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HarnessError('USAGE', `--base-url must be http or https, got ${url.protocol}`);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host, port, timeout: timeoutMs });
    const fail = (why: string) => {
      socket.destroy();
      reject(
        new HarnessError(
          'TARGET_UNREACHABLE',
          `cannot connect to ${url.origin} (${why}); is the API running and the URL right?`,
        ),
      );
    };
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('timeout', () => fail(`no answer within ${timeoutMs} ms`));
    socket.once('error', (e: NodeJS.ErrnoException) => fail(e.code ?? e.message));
  });
}

/** Resolves the target: pre-flights a base URL, or starts the reference server with the requested drifts. */
export async function openTarget(baseUrl: string | undefined, drift: string[], deps: RunDeps): Promise<Target> {
  if (baseUrl) {
    await preflight(baseUrl);
    return { url: baseUrl, embedded: false, close: async () => undefined };
  }
  if (!deps.createReferenceServer) {
    throw new HarnessError(
      'USAGE',
      'no --base-url given and this build has no embedded reference server; pass --base-url',
    );
  }
  const key = deps.referenceKey;
  const server = deps.createReferenceServer({ ...(key ? { key } : {}), drift });
  const { url } = await server.listen(0);
  return { url, embedded: true, ...(key ? { key } : {}), close: () => server.close() };
}
