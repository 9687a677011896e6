import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../errors.ts';
import type { CommandIO } from '../command.ts';
import command from './generate.ts';

const fixture = path.resolve(import.meta.dirname, '../../../fixtures/schemas/requests-3.1.yaml');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIO = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    interactive: false,
    env: {},
    cwd: process.cwd(),
  };
  const code = await command.run(['--spec', fixture, ...args], io);
  return { code, out, err };
}

describe('specgate generate', () => {
  it('law: the same seed prints byte-identical lines; another seed prints others', async () => {
    const a = await run(['--seed', '5', '--count', '4']);
    const b = await run(['--seed', '5', '--count', '4']);
    const c = await run(['--seed', '6', '--count', '4']);
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    expect(c.out).not.toBe(a.out);
    expect(a.err).not.toMatch(/^seed:/m);
  });

  it('prints one JSON object per line with the documented fields', async () => {
    const { out } = await run(['--seed', '1', '--operation', 'putItem', '--kind', 'negative', '--count', '3']);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    for (const l of lines) {
      expect(l).toMatchObject({
        operation: 'PUT /items/{itemId}',
        operationId: 'putItem',
        kind: 'negative',
        method: 'PUT',
      });
      expect(Object.keys(l.violation)).toEqual(['location', 'keyword', 'message']);
      expect(typeof l.query).toBe('string');
    }
  });

  it('selects by "METHOD /path" and prints the random seed to stderr when none is given', async () => {
    const { out, err } = await run(['--operation', 'get /items/{itemId}', '--kind', 'positive', '--count', '1']);
    expect(JSON.parse(out).operation).toBe('GET /items/{itemId}');
    expect(err).toMatch(/^seed: \d+$/m);
  });

  it('rejects an unknown operation with close matches', async () => {
    const error = await run(['--operation', 'putItems']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).code).toBe('UNKNOWN_OPERATION');
    expect((error as HarnessError).message).toContain('"putItem"');
  });

  it('rejects a bad --kind and --count as usage errors', async () => {
    for (const args of [['--kind', 'fuzz'], ['--count=-1'], ['--count', 'many']]) {
      const error = await run(args).catch((e: unknown) => e);
      expect((error as HarnessError).code).toBe('USAGE');
    }
  });
});
