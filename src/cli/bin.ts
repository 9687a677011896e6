#!/usr/bin/env node
// The `specgate` binary. Published as dist/cli/bin.js (compiled, no TypeScript loader at run time); in a clone,
// bin/specgate.js registers tsx and imports this file, so `npm start` runs the sources without a build.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
