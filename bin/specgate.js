#!/usr/bin/env node
// The published entry point: registers tsx so the TypeScript sources run without a build step,
// then hands over to the CLI. Kept in plain JS because it must run before any loader exists.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
