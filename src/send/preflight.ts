/** Before a run sends anything: one TCP connect to the target, so a wrong URL fails fast with exit code 3. */
import net from 'node:net';
import { HarnessError } from '../errors.ts';

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
