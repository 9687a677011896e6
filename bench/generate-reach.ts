/**
 * Generation reach: the share of valid cases (example, boundary, positive) that the embedded reference server
 * answers with a 2xx, per kind and per operation. A low share means generated values are semantically dead
 * (random model names, unknown ids) and the server's deeper code is never exercised.
 * Run: `node --import tsx bench/generate-reach.ts [--seed 1] [--count 6] [--verbose]`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Agent } from 'undici';
import { generate } from '../src/generate/index.ts';
import { loadSpec } from '../src/load/index.ts';
import { createReferenceServer } from '../src/reference/index.ts';
import { readCredentials } from '../src/credentials/index.ts';
import { applyAuth, authFor, send } from '../src/send/index.ts';
import type { CaseKind } from '../src/types.ts';
import { createValidator } from '../src/validate/index.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '6' },
    verbose: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const count = Number(values.count);
const KINDS: CaseKind[] = ['example', 'boundary', 'positive'];

const spec = await loadSpec(path.resolve(import.meta.dirname, '../openapi.json'));
const validator = createValidator(spec);
const server = createReferenceServer();
const { url } = await server.listen(0);
const dispatcher = new Agent();
const creds = readCredentials([], { SPECGATE_TOKEN: 'sk-aig-test', SPECGATE_API_KEY: 'sk-aig-test' });
const totals = new Map<CaseKind, { ok: number; all: number }>(KINDS.map((k) => [k, { ok: 0, all: 0 }]));
// Operations with path parameters need a live resource id (the stateful phase's job): reported apart.
const free = new Map<CaseKind, { ok: number; all: number }>(KINDS.map((k) => [k, { ok: 0, all: 0 }]));
try {
  for (const operation of spec.operations.filter((o) => !o.webhook)) {
    const row: string[] = [];
    for (const kind of KINDS) {
      const { cases } = generate(spec, operation, { kind, count, seed, validator });
      const statuses: number[] = [];
      for (const c of cases) {
        const exchange = await send(applyAuth(c, authFor(spec, operation, creds), creds), {
          dispatcher,
          baseUrl: url,
          timeoutMs: 10_000,
          maxResponseBytes: 1 << 20,
        });
        statuses.push(exchange.response?.status ?? 0);
      }
      const ok = statuses.filter((s) => s >= 200 && s < 300).length;
      for (const t of operation.path.includes('{') ? [totals.get(kind)!] : [totals.get(kind)!, free.get(kind)!]) {
        t.ok += ok;
        t.all += statuses.length;
      }
      row.push(`${kind} ${ok}/${statuses.length}${values.verbose ? ` [${statuses.join(',')}]` : ''}`);
    }
    console.log(`${operation.key.padEnd(44)} ${row.join('  ')}`);
  }
} finally {
  await dispatcher.close();
  await server.close();
}
const share = (t: { ok: number; all: number }): string =>
  `${t.ok}/${t.all} = ${t.all ? ((100 * t.ok) / t.all).toFixed(1) : '-'}%`;
for (const kind of KINDS)
  console.log(
    `${kind.padEnd(9)} 2xx ${share(totals.get(kind)!).padEnd(18)} without path parameters ${share(free.get(kind)!)}`,
  );
