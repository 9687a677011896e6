#!/usr/bin/env node
// The development entry point (a clone after `npm ci`): registers tsx so the TypeScript sources run without a
// build step, then starts the CLI. The published package runs the compiled dist/cli/bin.js instead.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/bin.ts');
