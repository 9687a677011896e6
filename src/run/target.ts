/** The API under test: a given base URL (checked with a quick pre-flight connect) or the embedded reference server. */
import { HarnessError } from '../errors.ts';
import type { RunDeps } from './deps.ts';
import { preflight } from '../send/preflight.ts';

/** Where requests go, how to stop it, and the key to use when we started it ourselves. */
export interface Target {
  url: string;
  embedded: boolean;
  key?: string;
  close(): Promise<void>;
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
