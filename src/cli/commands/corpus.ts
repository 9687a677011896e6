/** `specgate corpus [dir]`: loads and lints every description of a folder of real-world specs, as a table. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { corpusDocuments, lintDocument } from '../../lint/corpus.ts';
import { createStyle, plural, table } from '../../format/terminal.ts';

const usage = `Usage: specgate corpus [dir] [--timeout-ms N]

Loads and lints every OpenAPI description in dir (default ../shared/specs): each top-level JSON/YAML file, and the
root description of each sub-folder. Prints operations, lint errors and warnings, and time per document, or the
error a document failed with. Exit 0 when every document loaded (lint findings do not fail), 1 when any crashed,
2 on bad usage.
`;

const command: Command = {
  name: 'corpus',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { 'timeout-ms': { type: 'string' } },
    });
    const dir = resolve(io.cwd, positionals[0] ?? '../shared/specs');
    if (!existsSync(dir)) throw new HarnessError('USAGE', `corpus folder not found: ${dir}`);
    const timeoutMs = Number(values['timeout-ms'] ?? 60_000);
    const style = createStyle(io.interactive);
    const rows = [['file', 'ops', 'errors', 'warnings', 'ms', 'status'].map((h) => style.bold(h))];
    let crashes = 0;
    let failures = 0;
    for (const file of corpusDocuments(dir)) {
      const entry = await lintDocument(file, dir, timeoutMs);
      const ms = entry.ms.toFixed(0);
      if (entry.failure) {
        failures++;
        if (entry.failure.crash) crashes++;
        const status = `${entry.failure.crash ? 'CRASH' : entry.failure.code}: ${entry.failure.message.split('\n')[0]!.slice(0, 120)}`;
        rows.push([entry.file, '-', '-', '-', ms, (entry.failure.crash ? style.red : style.yellow)(status)]);
      } else {
        rows.push([
          entry.file,
          String(entry.operations),
          String(entry.errors),
          String(entry.warnings),
          ms,
          style.green('ok'),
        ]);
      }
    }
    io.stdout(table(rows, [1, 2, 3, 4]));
    io.stdout(`${plural(rows.length - 1, 'document')}, ${failures} not loadable, ${crashes} crashed\n`);
    return crashes > 0 ? 1 : 0;
  },
};
export default command;
