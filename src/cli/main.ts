/**
 * The CLI entry: picks the command, hands it the arguments, and turns harness errors into one clear
 * sentence and an exit code. With `src/cli/commands/*` it is the only code that touches `process` or `console`.
 */
import { HarnessError, exitCodeFor } from '../errors.ts';
import { colorAllowed } from '../format/terminal.ts';
import type { Command, CommandIO } from './command.ts';

interface CommandEntry {
  /** One line for the command list in `specgate --help` (kept here so `--help` imports no command). */
  summary: string;
  /** Literal dynamic imports: a command loads only what it runs, so `lint` and `diff` never load the run engine. */
  load: () => Promise<{ default: Command }>;
}

/** Every command, in the order `--help` lists them. */
const COMMANDS: Record<string, CommandEntry> = {
  lint: {
    summary: 'check an OpenAPI description for structural and semantic problems',
    load: () => import('./commands/lint.ts'),
  },
  generate: {
    summary: 'print the requests a run would send (example, boundary, positive, negative), one JSON a line',
    load: () => import('./commands/generate.ts'),
  },
  run: {
    summary: 'send generated requests to an API (or the reference server) and report drift',
    load: () => import('./commands/run.ts'),
  },
  serve: {
    summary: 'run the reference AIgateway server (optionally with named drifts)',
    load: () => import('./commands/serve.ts'),
  },
  certify: {
    summary: 'certify an endpoint against a profile (openai-compat, aigateway-full): certificate + badge',
    load: () => import('./commands/certify.ts'),
  },
  diff: {
    summary: 'classify the changes between two spec versions (breaking / non-breaking / info)',
    load: () => import('./commands/diff.ts'),
  },
  merge: {
    summary: "merge the reports of sharded runs (run --shard i/n) into one run's reports",
    load: () => import('./commands/merge.ts'),
  },
  mcp: {
    summary: 'serve lint, run, diff, certify and explain_finding to coding agents (MCP over stdio)',
    load: () => import('./commands/mcp.ts'),
  },
  corpus: {
    summary: 'load and lint every description in a folder of real-world specs',
    load: () => import('./commands/corpus.ts'),
  },
};

const VERSION = '0.1.0';

function help(): string {
  const lines = [
    'specgate: conformance and contract tests for OpenAPI 3.0/3.1/3.2 APIs.',
    '',
    'Usage: specgate <command> [options]      specgate <command> --help for its options',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(10)}${entry.summary}`),
    '',
    'Exit codes: 0 clean, 1 drift or findings, 2 bad usage or unusable spec, 3 target unreachable.',
    'Global: --debug prints stack traces of internal errors; NO_COLOR or CI=true turn colour and progress bars off.',
  ];
  return lines.join('\n') + '\n';
}

function defaultIO(): CommandIO {
  // `specgate generate | head` closes the pipe early: that is the reader being done, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const env = process.env;
  const interactive = colorAllowed(process.stdout.isTTY, env);
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    interactive,
    env,
    cwd: process.cwd(),
  };
}

/** Runs one CLI invocation and resolves to its exit code. */
export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`specgate: unknown command "${name}"; expected one of: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return 2;
  }
  try {
    const command = (await entry.load()).default;
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function reportError(error: unknown, io: CommandIO, debug: boolean): number {
  if (error instanceof HarnessError) {
    const where = error.location ? `${error.location}: ` : '';
    io.stderr(`specgate: ${where}${error.message} [${error.code}]\n`);
    if (debug && error.stack) io.stderr(error.stack + '\n');
    return exitCodeFor(error.code);
  }
  // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed flags: bad usage.
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`specgate: ${(error as Error).message} (see --help)\n`);
    return 2;
  }
  io.stderr(
    `specgate: internal error: ${(error as Error)?.message ?? String(error)}${debug ? '' : ' (rerun with --debug for a stack trace)'}\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr(error.stack + '\n');
  return 2;
}
