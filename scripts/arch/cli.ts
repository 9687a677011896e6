/** Flags → limits → report → text or JSON, and the exit code (0 clean, 1 violations, 2 bad usage). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from './analyze.ts';
import { formatText } from './format.ts';
import type { Limits } from './types.ts';

function limit(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive whole number, not "${value}"`);
  return n;
}

interface Settings {
  root: string;
  json: boolean;
  limits: Limits;
}

/** The settings the flags ask for; throws one sentence on bad usage. */
function settings(argv: string[]): Settings {
  const { values } = parse(argv);
  const root = path.resolve(values.root ?? path.join(import.meta.dirname, '../..'));
  if (!existsSync(path.join(root, 'src'))) throw new Error(`no src/ folder in ${root}`);
  const limits = {
    functionLines: limit(values['max-function-lines'], 60, '--max-function-lines'),
    fileLines: limit(values['max-file-lines'], 250, '--max-file-lines'),
  };
  return { root, json: values.json ?? false, limits };
}

/** Runs the check with command-line arguments and returns the exit code; `out` and `err` receive whole texts. */
export function main(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  let chosen: Settings;
  try {
    chosen = settings(argv);
  } catch (error) {
    err(`arch: ${(error as Error).message}\n`);
    return 2;
  }
  const report = analyze(chosen.root, chosen.limits);
  out(`${chosen.json ? JSON.stringify(report, null, 2) : formatText(report)}\n`);
  return Object.values(report.counts).some((n) => n > 0) ? 1 : 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      root: { type: 'string' },
      'max-function-lines': { type: 'string' },
      'max-file-lines': { type: 'string' },
    },
  });
}
