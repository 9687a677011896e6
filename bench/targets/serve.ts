/**
 * Starts one benchmark target by hand, to explore it or to point another tool at it:
 * `node --import tsx bench/targets/serve.ts library [--clean]` prints `listening on URL`, the spec and credentials,
 * and serves (every drift on, unless --clean) until interrupted; `--list` prints every target's drifts and traps.
 */
import { parseArgs } from 'node:util';
import { TARGETS } from './index.ts';

const { values, positionals } = parseArgs({
  options: { clean: { type: 'boolean' }, list: { type: 'boolean' } },
  allowPositionals: true,
});
if (values.list) {
  // The drift tables, from the declarations (the source of truth): one line per drift, then the traps.
  for (const t of TARGETS) {
    for (const d of t.drifts)
      console.log([t.name, d.name, d.class, d.operation, d.detectedBy.join(','), d.description].join('\t'));
    for (const x of t.traps)
      console.log([t.name, x.name, `${x.class} (trap)`, x.operation, '-', x.description].join('\t'));
  }
  process.exit(0);
}
const target = TARGETS.find((t) => t.name === (positionals[0] ?? 'library'));
if (!target) {
  console.error(`unknown target ${positionals[0]}; expected one of: ${TARGETS.map((t) => t.name).join(', ')}`);
  process.exit(2);
}
const running = await target.start(values.clean ? 'clean' : 'drift');
console.log(`listening on ${running.url}`);
console.log(`spec: ${target.spec}`);
for (const h of target.headers) console.log(`header: ${h}`);
for (const [k, v] of Object.entries(target.env)) console.log(`env: ${k}=${v}`);
console.log(values.clean ? 'clean' : `drifts: ${target.drifts.map((d) => d.name).join(', ')}`);
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
