// Entry of the generation thread. Plain JS because it runs before any loader exists: a worker does not
// inherit the TypeScript loader the main thread registered, so it registers tsx itself, then starts.
import { register } from 'tsx/esm/api';

register();
await import('./generation-worker.ts');
