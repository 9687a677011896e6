/**
 * `specgate merge <dirs...>`: turns the report directories of `specgate run --shard i/n` into one run's
 * reports. Reads the files and writes the reports; the merging itself is src/merge.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHECKS } from '../../check/index.ts';
import { HarnessError } from '../../errors.ts';
import {
  coverageFromJunit,
  isFindingEntry,
  mergeShards,
  toReportedFinding,
  type ShardReports,
  type ShardSummary,
} from '../../merge/index.ts';
import { REPORTERS } from '../../report/index.ts';
import type { ReportedFinding } from '../../types.ts';
import type { Command, CommandIO } from '../command.ts';

const USAGE = `Usage: specgate merge <dir>... [--report-dir D] [--baseline F]

Merges the report directories of a sharded run (specgate run --shard i/n, same --seed, one directory per
shard) into the reports one unsharded run writes: junit.xml, report.md, findings.json, summary.json.

  - requests and cases are summed; an operation reached in any shard is reached;
  - findings are deduplicated by operation + check + cause, occurrences summed;
  - new / known / fixed are recomputed against --baseline (without it every finding is new).

Each directory needs findings.json; summary.json (seed, spec, totals) and junit.xml (per-operation coverage)
are read when present. Shards with different seeds or specs are refused.

Options:
  --report-dir D   where to write the merged reports (default reports)
  --baseline F     findings.json of an earlier run: its findings are known, not new

Exit codes: 0 no new error-level finding, 1 new error-level findings, 2 bad input (missing directory,
unreadable JSON, shards of different runs).
`;

async function readJson(file: string, required: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HarnessError('USAGE', `cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HarnessError('USAGE', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The findings of a findings.json (an array, or `{findings: [...]}`), as ReportedFindings. */
function findingsOf(json: unknown, file: string): ReportedFinding[] {
  const list = Array.isArray(json) ? json : (json as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(list)) throw new HarnessError('USAGE', `${file}: expected a findings.json (an array of findings)`);
  return list.filter(isFindingEntry).map(toReportedFinding);
}

function summaryOf(json: unknown, file: string): ShardSummary | undefined {
  if (json === undefined) return undefined;
  const s = json as Partial<ShardSummary> | null;
  if (typeof s?.seed !== 'number' || typeof s.specSha256 !== 'string')
    throw new HarnessError('USAGE', `${file}: not a specgate summary.json (no seed or specSha256)`);
  return {
    seed: s.seed,
    specSource: s.specSource ?? '',
    specSha256: s.specSha256,
    target: s.target ?? '',
    start: s.start ?? '',
    end: s.end ?? '',
    durationMs: s.durationMs ?? 0,
    requests: s.requests ?? 0,
    casesByKind: s.casesByKind ?? {},
    operations: s.operations ?? { total: 0, reached: 0 },
    checks: Array.isArray(s.checks) ? s.checks : [],
    ...(Array.isArray(s.coverage) && { coverage: s.coverage }),
  };
}

async function readShard(dir: string, cwd: string): Promise<ShardReports> {
  const abs = path.resolve(cwd, dir);
  const info = await stat(abs).catch(() => undefined);
  if (!info?.isDirectory())
    throw new HarnessError('USAGE', `${dir} is not a report directory (expected findings.json inside)`);
  const findings = findingsOf(await readJson(path.join(abs, 'findings.json'), true), path.join(dir, 'findings.json'));
  const summary = summaryOf(await readJson(path.join(abs, 'summary.json'), false), path.join(dir, 'summary.json'));
  const junit = await readFile(path.join(abs, 'junit.xml'), 'utf8').catch(() => undefined);
  const coverage = summary?.coverage ?? (junit ? coverageFromJunit(junit) : undefined);
  return { dir, findings, ...(summary && { summary }), ...(coverage && { coverage }) };
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'report-dir': { type: 'string', default: 'reports' }, baseline: { type: 'string' } },
  });
  if (positionals.length === 0)
    throw new HarnessError(
      'USAGE',
      'merge needs the shard report directories, e.g. specgate merge shards/*; see specgate merge --help',
    );
  const shards = await Promise.all(positionals.map((dir) => readShard(dir, io.cwd)));
  const baseline = values.baseline
    ? findingsOf(await readJson(path.resolve(io.cwd, values.baseline), true), values.baseline)
    : undefined;
  const descriptions = new Map(CHECKS.map((c) => [c.id, c.description]));
  const result = mergeShards(shards, {
    ...(baseline && { baseline }),
    describeCheck: (id) => descriptions.get(id) ?? '',
  });
  const out = path.resolve(io.cwd, values['report-dir']);
  await mkdir(out, { recursive: true });
  await Promise.all(REPORTERS.map((r) => writeFile(path.join(out, r.filename), r.run(result))));
  const fresh = result.findings.filter((f) => f.severity === 'error' && f.baseline !== 'known').length;
  io.stdout(
    `specgate: merged ${shards.length} shard(s), seed ${result.seed}: ${result.requests} requests, ${result.operationsReached}/${result.operationsTotal} operations reached, ` +
      `${result.findings.length} finding(s), ${fresh} new at error level${baseline ? `, ${result.fixed.length} fixed` : ''} → ${values['report-dir']}\n`,
  );
  return result.exitCode;
}

const command: Command = {
  name: 'merge',
  usage: USAGE,
  run,
};

export default command;
