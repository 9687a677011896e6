/** The shape every `specgate <command>` module default-exports; `main.ts` dispatches to it by name. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal and neither NO_COLOR nor CI is set: colour and progress bars allowed. */
  interactive: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface Command {
  name: string;
  /** Full help text of the command, printed by `specgate <command> --help`. */
  usage: string;
  /** Returns the process exit code: 0 clean, 1 findings, 2 bad usage or unusable spec, 3 target unreachable. */
  run(argv: string[], io: CommandIO): Promise<number>;
}
