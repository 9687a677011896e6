/**
 * `specgate serve`: runs the reference AIgateway (src/reference) until SIGINT/SIGTERM. Its first stdout
 * line is `listening on <url>`, so scripts can start it with `--port 0` and read the address back.
 * This file only parses flags and owns the process signals; the server lives in src/reference.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createReferenceServer, formatDriftList } from '../../reference/index.ts';

const USAGE = `Usage: specgate serve [options]

Runs the reference AIgateway: every operation of openapi.json, in memory, with deterministic fake models.

Options:
  --port N          port to listen on; 0 picks a free one (default 8787)
  --host H          interface to bind (default 127.0.0.1)
  --spec PATH       contract used to validate requests (default: the repository's openapi.json)
  --key K           root API key (default sk-aig-test)
  --drift NAMES     switch on deviations: comma-separated names, "all", or "list" to print them and exit
  --job-step-ms N   time between job state changes, and webhook retry base delay (default 50)
  -h, --help        show this help

Stops cleanly on SIGINT or SIGTERM.
`;

type IO = { stdout: (s: string) => void; stderr: (s: string) => void; cwd?: string };

/** Resolves when the process receives SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((done) => {
    const on = (sig: string) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      done(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

export default {
  name: 'serve',
  usage: USAGE,
  async run(argv: string[], io: IO): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          port: { type: 'string', default: '8787' },
          host: { type: 'string', default: '127.0.0.1' },
          spec: { type: 'string' },
          key: { type: 'string' },
          drift: { type: 'string', multiple: true },
          'job-step-ms': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
      }));
    } catch (e) {
      io.stderr(`${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (values.help) return (void io.stdout(USAGE), 0);
    const drift = values.drift ?? [];
    if (drift.includes('list')) return (void io.stdout(formatDriftList()), 0);
    const port = Number(values.port);
    const jobStepMs = values['job-step-ms'] === undefined ? undefined : Number(values['job-step-ms']);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      return (void io.stderr(`--port must be an integer 0..65535, got ${values.port}\n`), 2);
    if (jobStepMs !== undefined && !(jobStepMs >= 0))
      return (void io.stderr(`--job-step-ms must be a number >= 0\n`), 2);

    let gateway;
    try {
      gateway = createReferenceServer({
        key: values.key,
        drift,
        jobStepMs,
        specPath: values.spec === undefined ? undefined : resolve(io.cwd ?? process.cwd(), values.spec),
      });
    } catch (e) {
      io.stderr(`${(e as Error).message}\n`);
      return 2;
    }
    let url: string;
    try {
      ({ url } = await gateway.listen(port, values.host));
    } catch (e) {
      io.stderr(`cannot listen on ${values.host}:${port}: ${(e as Error).message}\n`);
      return 2;
    }
    io.stdout(`listening on ${url}\n`);
    if (drift.length) io.stdout(`drifts: ${drift.join(',')}\n`);
    const sig = await untilSignal();
    await gateway.close();
    io.stderr(`stopped (${sig})\n`);
    return 0;
  },
};
