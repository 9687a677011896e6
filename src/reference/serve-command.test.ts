/**
 * Law of `specgate serve`: the first stdout line is `listening on <url>`, the gateway answers there,
 * and SIGTERM stops it with exit code 0. `--drift list` prints every drift; unknown drifts exit 2.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import serve from '../cli/commands/serve.ts';
import { DRIFTS } from './drift.ts';
import { call } from './test-support.ts';

const BIN = fileURLToPath(new URL('../../bin/specgate.js', import.meta.url));

/** Runs the command in-process (for the paths that return without serving). */
async function runInline(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '',
    err = '';
  const code = await serve.run(argv, {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

describe('specgate serve', () => {
  it('lists drifts with --drift list', async () => {
    const { code, out } = await runInline(['--drift', 'list']);
    expect(code).toBe(0);
    for (const d of DRIFTS) expect(out).toContain(d.name);
  });

  it('exits 2 on an unknown drift or a bad port, naming the valid choices', async () => {
    const bad = await runInline(['--drift', 'nope', '--port', '0']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('wrong-type');
    expect((await runInline(['--port', 'x'])).code).toBe(2);
  });

  it('prints its URL first, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--key', 'sk-aig-cli', '--drift', 'wrong-type'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const firstLine = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
      });
      child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect(firstLine).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = firstLine.slice('listening on '.length);
    const model = await call(url, 'GET', '/v1/models/openai%2Fgpt-5.4', { key: 'sk-aig-cli' });
    expect(typeof model.json.created).toBe('string'); // the drift is on
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
