/**
 * `specgate run`: parses flags onto RunOptions, shows progress, prints the seed and a summary, and maps the
 * result onto an exit code. Flags are mapped in `run-flags.ts`; all the work is in `src/pipeline.ts`.
 */
import { randomInt } from 'node:crypto';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { formatPlan } from '../../plan/index.ts';
import summaryJson from '../../report/summary-json.ts';
import { formatSummary } from '../../report/run-summary.ts';
import { planRun, run } from '../../pipeline.ts';
import type { RunProgress } from '../../run-options.ts';
import { loadSuites } from '../../workflows/suite-phase.ts';
import type { Command, CommandIO } from '../command.ts';
import { optionsFromArgs } from './run-flags.ts';

const USAGE = `Usage: specgate run [--spec S] [--base-url URL] [options]

Sends generated requests to an API and reports every way its responses drift from the OpenAPI description.
Without --base-url, starts the embedded reference server (openapi.json, its key, optional --drift) and runs
against it: \`npm start\` is the full harness against the reference API.

Target and auth:
  --spec S               OpenAPI file or URL (required with --base-url; default: the reference openapi.json)
  --base-url URL         API under test; it replaces the spec's servers URL and the spec's paths are appended
                         (a prefix such as /api is kept; one the spec's paths repeat, /v1 + /v1/..., is dropped)
  -H, --header "N: v"    Header sent with every request, curl style; repeatable (e.g. -H "Authorization: Bearer $T")
  --secret NAME          A header, query, cookie or body-field name whose values are credentials (repeatable;
                         Authorization, Cookie, the spec's apiKey names and names like x-api-key need none)
  --insecure             Do not verify TLS certificates
  --drift NAME,...       Plant drifts in the embedded reference server (ignored with --base-url)
  Credentials from the environment, applied where the spec's securitySchemes say:
    SPECGATE_TOKEN               bearer token (http bearer, oauth2, openIdConnect)
    SPECGATE_API_KEY             apiKey schemes, in the header/query/cookie the scheme names
    SPECGATE_USERNAME/_PASSWORD  http basic
    SPECGATE_AUTH_<SCHEME>       one scheme by name (upper case, non-alphanumerics as _), e.g. SPECGATE_AUTH_API_KEY
    SPECGATE_OAUTH2_CLIENT_ID/_CLIENT_SECRET  OAuth2 client credentials: the token is fetched (and refreshed)
                                 from SPECGATE_OAUTH2_TOKEN_URL or the spec's clientCredentials flow;
                                 SPECGATE_OAUTH2_SCOPES asks for scopes (space-separated)
  Credentials never appear in reports, curl repros or output: their values are replaced by [REDACTED] where they
  sit (header, query, cookie, body string), and curl repros read them from the variable they came from
  (\${SPECGATE_API_KEY}, \${SPECGATE_AUTH_<SCHEME>}; a -H header's value from \${SPECGATE_HEADER_<NAME>}).
  Ordinary values (model ids, routing headers such as x-portkey-provider) are never hidden.

What to run:
  --checks a,b|all       Checks to run (default all); an unknown id lists the valid ones
  --include SEL          Only operations matching: operationId, tag:Name, GET, /v1/models*, "POST /v1/*"; repeatable
  --exclude SEL          Leave operations out (same selectors); repeatable
  --read-only            Only GET, HEAD and OPTIONS operations (safe against production)
  --callback-url URL     Where the target reaches this machine: the callback receiver listens on its port and
                         valid requests carry it in webhook/callback URL fields (loopback targets: automatic)
  --keep-order           Run switch operations (maintenance, settings, toggles, disable/lock) in spec order;
                         by default they run after every other operation, so what they switch on spoils nothing
  --budget k=n,...       Cases per operation in the first round, by kind (example, boundary, positive,
                         negative), e.g. negative=20
  --shard i/n            Run the i-th of n deterministic slices of the operations (merge with specgate merge)
  --seed N               Reproduce a previous run exactly (every run prints its seed)
  --dry-run              Print the plan (operations, budgets, status policies, skipped and why) and exit
  --changed-since BASE   Spend the run on what a spec change touches: only operations the diff from BASE changes
                         (BASE as specgate diff reads it: file, URL or git ref:path, e.g. origin/main:openapi.json)
                         are planned, the rest are listed as unchanged; each breaking change is a breaking_change
                         error finding under its operation, beside that operation's runtime findings

Suites (stateful contracts, Arazzo 1.0; see suites/README.md):
  --suite FILE           Run the workflows of an Arazzo suite with the run's credentials; repeatable. Each step's
                         response is judged by the response checks (status, content type, headers, schema, server
                         errors, SSE); a failed criterion is a finding located in the suite. With --suite, only the
                         suites run: a suite run is meant to check the suite
  --fuzz                 With --suite, also fuzz every planned operation first (the usual run, then the suites)
  --input NAME=VALUE     Suite workflow input, e.g. --input embeddingModel=openai/text-embedding-3-small; repeatable

Budget (exploration runs in rounds: round 1 gives every operation its first cases, later rounds deepen each
operation with new cases, more where the last round brought a new status or response shape):
  --max-requests N       Explore until about 90% of N requests, then shrink and walk chains in the rest; nothing
                         is sent past N (chains and suites count; a suite once started runs to its end)
  --max-duration S       The whole command takes about S seconds: explore for S less a reserve (15%, at most
                         10 s) for shrinking and chains; nothing is sent in the last 5% (at most 3 s), kept for
                         the reports; counted from the command's start; at worst it ends within S plus --timeout
  --depth N              Cases per operation to explore to (default: 100 without --max-requests/--max-duration,
                         else what the budget allows); 0 sends the first round only

Limits:
  --workers N            Concurrent requests (default 4)
  --timeout MS           Per-request deadline, headers and body (default 10000)
  --rate-limit R         Requests per second for the whole run (e.g. 5, 5/s, 300/m)
  429 answers (and 503 with Retry-After) are retried on that operation later, honouring Retry-After (capped
  at 10 s, at most 3 attempts); every retry is listed in the report notes.

Output:
  --config F             Config file (default: specgate.config.yaml in the working directory); its run:, checks:
                         and auth: sections apply, flags win over it, SPECGATE_* variables win over auth:.
                         Status policies (run.policies: which statuses count as accepted/rejected, per
                         operation) are set only there
  --report-dir D         Where report files go (default reports/); rewritten after each operation:
                         report.md, report.html (one self-contained page: operations x checks matrix,
                         filterable findings), junit.xml, findings.json, summary.json, and report.sarif
                         (SARIF 2.1.0 for GitHub code scanning)
  --baseline F           A previous findings.json: findings are marked new/known, only new errors fail
  --format text|json     json prints the summary JSON on stdout (human output then goes to stderr)

Exit codes: 0 clean, 1 new error-level findings, 2 bad usage or unusable spec, 3 target unreachable,
130 interrupted (reports hold what ran). A target that answered and then refuses 25 connections in a row (it
crashed) stops the run: the first note says so, the refusals already judged are findings.`;

/** Progress: a bar on a terminal, a plain line at most every 2 s otherwise. */
export function progressReporter(io: CommandIO): { update(p: RunProgress): void; stop(): void } {
  if (io.interactive) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'operations {bar} {value}/{total} | requests {requests} | findings {findings}',
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.operationsTotal, 0, { requests: 0, findings: 0 });
        started = true;
        bar.update(p.operationsDone, { requests: p.requests, findings: p.findings });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = -Infinity;
  let allDone = false;
  return {
    update(p) {
      // The line that says every operation is done is printed once; the finishing updates after it keep the pace.
      const first = p.operationsDone >= p.operationsTotal && !allDone;
      if (Date.now() - last < 2000 && !first) return;
      allDone ||= first;
      last = Date.now();
      io.stderr(
        `specgate: ${p.operationsDone}/${p.operationsTotal} operations, ${p.requests} requests, ${p.findings} findings\n`,
      );
    },
    stop: () => undefined,
  };
}

const command: Command = {
  name: 'run',
  usage: USAGE,
  async run(argv, io) {
    const { options, dryRun, json } = optionsFromArgs(argv, io);
    const say = json ? io.stderr : io.stdout;
    if (options.baseUrl && options.drift?.length)
      io.stderr('specgate: --drift only applies to the embedded reference server; ignored with --base-url\n');
    if (dryRun) {
      const { plan, spec } = await planRun(options);
      io.stdout(formatPlan(plan));
      for (const s of await loadSuites(options.suites ?? [], io.cwd, spec, options.readOnly))
        io.stdout(`suite ${s.file}: ${s.workflows.map((w) => w.workflowId).join(', ')}\n`);
      return 0;
    }
    options.seed ??= randomInt(2 ** 31);
    io.stderr(`specgate: seed ${options.seed}${options.baseUrl ? '' : ' (target: embedded reference server)'}\n`);
    const controller = new AbortController();
    const onSigint = () => {
      if (controller.signal.aborted) process.exit(130);
      io.stderr('\nspecgate: interrupted; finishing the reports (Ctrl-C again to quit at once)\n');
      controller.abort();
    };
    process.on('SIGINT', onSigint);
    const progress = progressReporter(io);
    try {
      const onWarning = (w: string) => io.stderr(`specgate: warning: ${w}\n`);
      const result = await run({
        ...options,
        signal: controller.signal,
        onProgress: (p) => progress.update(p),
        onWarning,
      });
      progress.stop();
      const report = path.join(path.resolve(io.cwd, options.reportDir ?? 'reports'), 'report.md');
      say(formatSummary(result, report));
      if (json) io.stdout(summaryJson.run(result).trimEnd() + '\n');
      return controller.signal.aborted ? 130 : result.exitCode;
    } finally {
      progress.stop();
      process.off('SIGINT', onSigint);
    }
  },
};

export default command;
