/**
 * Turns a run's `findings.json` into GitHub workflow commands: one `::error`/`::warning`/`::notice` per finding,
 * on the spec line the finding concerns, so drift shows up in the PR's "Files changed" view. Also writes the
 * counts of new errors and warnings to `$GITHUB_OUTPUT`, for the action's fail-on decision.
 * Usage: node --import tsx src/ci/annotate.ts <findings.json> [--root <dir>] [--max N]
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { escapeData, escapeProperty } from '../format/workflow-command.ts';

/** The fields of a findings.json entry this script reads. */
export interface FindingEntry {
  operation?: string;
  check?: string;
  checkId?: string;
  severity?: string;
  message?: string;
  baseline?: 'new' | 'known';
  specLocation?: { file?: string; line?: number; column?: number } | null;
  replay?: string;
}

/** Reads findings.json: an array, or `{findings: [...]}`. */
export function readFindings(text: string): FindingEntry[] {
  const parsed = JSON.parse(text) as unknown;
  const list = Array.isArray(parsed) ? parsed : (parsed as { findings?: unknown })?.findings;
  return Array.isArray(list) ? (list.filter((f) => typeof f === 'object' && f !== null) as FindingEntry[]) : [];
}

/** Known drift (in the baseline) is a notice; new drift is an error or warning by severity. */
export function levelOf(f: FindingEntry): 'error' | 'warning' | 'notice' {
  if (f.baseline === 'known') return 'notice';
  return f.severity === 'error' ? 'error' : 'warning';
}

/** One workflow command per finding (at most `max`, errors first), file paths relative to `root`. */
export function annotations(findings: FindingEntry[], root: string, max = 50): string[] {
  const order = { error: 0, warning: 1, notice: 2 };
  const sorted = [...findings].sort((a, b) => order[levelOf(a)] - order[levelOf(b)]);
  const lines = sorted.slice(0, max).map((f) => {
    const props: string[] = [];
    const loc = f.specLocation;
    if (loc?.file && !/^[a-z][a-z0-9+.-]*:\/\//i.test(loc.file)) {
      const rel = path.isAbsolute(loc.file) ? path.relative(root, loc.file) : loc.file;
      props.push(`file=${escapeProperty(rel.split(path.sep).join('/'))}`);
      if (loc.line) props.push(`line=${loc.line}`);
      if (loc.column) props.push(`col=${loc.column}`);
    }
    props.push(`title=${escapeProperty(`${f.check ?? f.checkId ?? 'finding'}: ${f.operation ?? ''}`.trim())}`);
    const message = [f.message ?? '', f.replay ? `Replay: ${f.replay}` : ''].filter(Boolean).join('\n');
    return `::${levelOf(f)} ${props.join(',')}::${escapeData(message)}`;
  });
  if (sorted.length > max) lines.push(`::notice::${sorted.length - max} more finding(s) in findings.json`);
  return lines;
}

/** Counts of new (not baseline-known) findings by severity. */
export function newCounts(findings: FindingEntry[]): { errors: number; warnings: number } {
  const fresh = findings.filter((f) => f.baseline !== 'known');
  return {
    errors: fresh.filter((f) => f.severity === 'error').length,
    warnings: fresh.filter((f) => f.severity !== 'error').length,
  };
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { root: { type: 'string' }, max: { type: 'string' } },
  });
  const file = positionals[0] ?? 'reports/findings.json';
  if (!existsSync(file)) {
    process.stdout.write(`::warning::no ${file}: the run wrote no findings file\n`);
    return 0;
  }
  const findings = readFindings(readFileSync(file, 'utf8'));
  const root = values.root ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
  for (const line of annotations(findings, root, Number(values.max ?? 50))) process.stdout.write(line + '\n');
  const counts = newCounts(findings);
  if (process.env.GITHUB_OUTPUT)
    appendFileSync(process.env.GITHUB_OUTPUT, `new-errors=${counts.errors}\nnew-warnings=${counts.warnings}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
