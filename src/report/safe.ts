/** The view of a RunResult every reporter formats: findings redacted, replay commands composed. */
import { toCurl } from './curl.ts';
import { redactFindings } from './redact.ts';
import type { ReportedFinding, RunResult } from '../types.ts';

// Every reporter of one write is handed the same result: redact it once for all of them, not once each.
const made = new WeakMap<RunResult, RunResult>();

/** A result whose findings (and fixed findings) carry no secrets, with a curl command each where possible. */
export function safeResult(result: RunResult): RunResult {
  let safe = made.get(result);
  if (!safe) made.set(result, (safe = makeSafe(result)));
  return safe;
}

function makeSafe(result: RunResult): RunResult {
  const extra = result.secretNames ?? [];
  const withCurl = (f: ReportedFinding): ReportedFinding =>
    f.exchange && !f.curl ? { ...f, curl: toCurl(f.exchange, extra) } : f;
  // curl is built from the raw exchange (placeholders replace secrets), then everything is redacted.
  return {
    ...result,
    findings: redactFindings(result.findings.map(withCurl), extra),
    fixed: redactFindings(result.fixed, extra),
  };
}

function shellArg(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command that replays one operation of this run with the same seed. */
export function replayCommand(
  result: Pick<RunResult, 'command' | 'specSource' | 'target' | 'seed'>,
  f: Pick<ReportedFinding, 'operation' | 'operationId'>,
): string {
  const base =
    result.command ?? `specgate run --spec ${shellArg(result.specSource)} --base-url ${shellArg(result.target)}`;
  return `${base} --seed ${result.seed} --include ${shellArg(f.operationId ?? f.operation)}`;
}
