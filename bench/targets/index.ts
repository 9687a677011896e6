/** Every target of the drift benchmark, in the order it runs them. */
import { LIBRARY_DRIFTS, LIBRARY_TRAPS } from './library/drifts.ts';
import { SPEC_PATH } from './library/contract.ts';
import { createLibraryServer, LIBRARY_KEY } from './library/server.ts';
import { referenceTarget } from './reference.ts';
import type { BenchTarget } from './types.ts';

export const libraryTarget: BenchTarget = {
  name: 'library',
  spec: SPEC_PATH,
  drifts: LIBRARY_DRIFTS,
  traps: LIBRARY_TRAPS,
  headers: [],
  // The key goes where the spec's apiKey schemes say (the api_key query parameter or the lib_session cookie).
  env: { SPECGATE_API_KEY: LIBRARY_KEY },
  async start(mode) {
    const server = createLibraryServer({ drifts: mode === 'drift' ? ['all'] : [] });
    const { url } = await server.listen(0);
    return { url, close: () => server.close() };
  },
};

export const TARGETS: readonly BenchTarget[] = [referenceTarget, libraryTarget];
