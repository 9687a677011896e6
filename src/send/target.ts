/** The API under test: a given base URL (checked with a pre-flight connect) or a server the run starts itself. */
import { HarnessError } from '../errors.ts';
import { preflight } from './preflight.ts';

/** Where requests go, how to stop it, and the key to use when the run started the server itself. */
export interface Target {
  url: string;
  key?: string;
  close(): Promise<void>;
}

/** A server the run can start on 127.0.0.1 (the reference API), with the key it accepts. */
export interface LocalServer {
  create(options: { key: string; drift: string[] }): {
    listen(port: number): Promise<{ url: string }>;
    close(): Promise<void>;
  };
  key: string;
}

/** Pre-flights `baseUrl`, or starts `local` (with `drift`) when there is none. */
export async function openTarget(baseUrl: string | undefined, drift: string[], local?: LocalServer): Promise<Target> {
  if (baseUrl) {
    await preflight(baseUrl);
    return { url: baseUrl, close: async () => undefined };
  }
  if (!local) throw new HarnessError('USAGE', 'no --base-url given and no reference server to start; pass --base-url');
  const server = local.create({ key: local.key, drift });
  const { url } = await server.listen(0);
  return { url, key: local.key, close: () => server.close() };
}

/** The error of a run whose every request failed to connect (`code`: the last connect error). */
export function targetUnreachable(url: string, code: string, reportDir: string): HarnessError {
  return new HarnessError(
    'TARGET_UNREACHABLE',
    `every request to ${url} failed to connect (${code}); partial reports are in ${reportDir}`,
  );
}
