import { describe, expect, it } from 'vitest';
import type { CommandIO } from './command.ts';
import { main } from './main.ts';

/** Runs the CLI in-process and captures what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIO = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    interactive: false,
    env: {},
    cwd: process.cwd(),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('specgate (the dispatcher)', () => {
  it('--help lists every command with its summary and the exit codes', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const name of ['lint', 'generate', 'run', 'serve', 'certify', 'diff', 'merge', 'corpus'])
      expect(out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(out).not.toContain('not available');
    expect(out).toContain('3 target unreachable');
  });

  it('an unknown command is bad usage (2) and names the valid ones', async () => {
    const { code, err } = await cli('lnit');
    expect(code).toBe(2);
    expect(err).toContain('unknown command "lnit"');
    expect(err).toContain('lint');
  });

  it('a harness error is one sentence with its location and code, no stack trace', async () => {
    const { code, err } = await cli('lint', 'fixtures/load/missing-ref.yaml');
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/missing-ref\.yaml:12:\d+: .*\[REF_UNRESOLVED\]/);
  });

  it('an unknown flag is bad usage (2), not a crash', async () => {
    const { code, err } = await cli('lint', '--no-such-flag');
    expect(code).toBe(2);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });
});
