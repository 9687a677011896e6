/**
 * `diffSpecs` time (load excluded) on the large corpus documents: each diffed with itself, plus Stripe against a
 * copy where widely shared components changed (so dirtiness spreads through most of the schema graph).
 * Best of N runs, each on freshly loaded Specs (so no view cache survives between runs).
 *   node --import tsx bench/diff.ts [--runs N]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { diffSpecs } from '../src/diff/index.ts';
import { loadSpec } from '../src/load/index.ts';
import type { JsonObject } from '../src/types.ts';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/specs');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

type Mutate = (document: JsonObject) => void;

/** Changes Stripe's `address` (reached from customers, charges, invoices, ...) and `metadata`-bearing `customer`. */
const sharedChange: Mutate = (document) => {
  const schemas = (document.components as JsonObject).schemas as JsonObject;
  const address = schemas.address as JsonObject;
  (address.properties as JsonObject).city = { type: 'integer', nullable: true };
  address.required = [...((address.required as string[] | undefined) ?? []), 'line1'];
  const customer = schemas.customer as JsonObject;
  (customer.properties as JsonObject).loyalty_tier = { type: 'string', maxLength: 10 };
};

const cases: Array<{ name: string; file: string; mutate?: Mutate }> = [
  { name: 'stripe self-diff', file: 'stripe-spec3.json' },
  { name: 'github self-diff', file: 'github-api.github.com.3.0.json' },
  { name: 'openai self-diff', file: 'openai-openapi.yaml' },
  { name: 'stripe shared-component change', file: 'stripe-spec3.json', mutate: sharedChange },
];

/** Best wall and CPU time of `runs` diffs; CPU time is what to compare on a machine shared with other work. */
async function measure(base: string, head: string): Promise<{ ms: number; cpuMs: number; changes: number }> {
  let best = { ms: Infinity, cpuMs: Infinity, changes: 0 };
  for (let i = 0; i < runs; i++) {
    const [b, h] = await Promise.all([loadSpec(base), loadSpec(head)]);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const changes = diffSpecs(b, h).changes.length;
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (ms < best.ms) best = { ms, cpuMs: (used.user + used.system) / 1000, changes };
  }
  return best;
}

if (!existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}; nothing to measure`);
  process.exit(0);
}
const tmp = mkdtempSync(join(tmpdir(), 'specgate-bench-diff-'));
try {
  console.log(`diffSpecs, best of ${runs} (load excluded)`);
  console.log(`${'case'.padEnd(36)}${'wall ms'.padStart(10)}${'cpu ms'.padStart(10)}${'changes'.padStart(10)}`);
  for (const c of cases) {
    const base = join(corpus, c.file);
    if (!existsSync(base)) continue;
    let head = base;
    if (c.mutate) {
      const document = JSON.parse(readFileSync(base, 'utf8')) as JsonObject;
      c.mutate(document);
      head = join(tmp, c.file);
      writeFileSync(head, JSON.stringify(document));
    }
    const { ms, cpuMs, changes } = await measure(base, head);
    console.log(
      `${c.name.padEnd(36)}${ms.toFixed(0).padStart(10)}${cpuMs.toFixed(0).padStart(10)}${String(changes).padStart(10)}`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
