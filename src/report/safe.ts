/** The view of a RunResult every reporter formats: findings redacted, replay commands composed. */
import { findingRedactor, redactFindings, SecretBook } from '../credentials/index.ts';
import type { ReportedFinding, RunResult } from '../types.ts';
import { labelledRepro, toCurl } from './curl.ts';

// Every reporter of one write is handed the same result: redact it once for all of them, not once each.
const made = new WeakMap<RunResult, RunResult>();

/** A result whose findings (and fixed findings) carry no secrets, with a curl command each where possible. */
export function safeResult(result: RunResult): RunResult {
  let safe = made.get(result);
  if (!safe) made.set(result, (safe = makeSafe(result)));
  return safe;
}

/**
 * The findings of `safeResult(result)`, made one at a time when no reporter asked for all of them yet: a
 * streamed file of a long run holds one safe finding at a time, never a safe copy of the whole list.
 */
export function* safeFindings(result: RunResult): Generator<ReportedFinding> {
  const safe = made.get(result);
  if (safe) return yield* safe.findings;
  const book = new SecretBook(result.secretNames ?? []);
  const redact = findingRedactor(result.findings, book);
  for (const f of result.findings) yield redact(withCurl(f, book));
}

// curl is built from the raw exchange (placeholders replace secrets), then everything is redacted.
function withCurl(f: ReportedFinding, book: SecretBook): ReportedFinding {
  const curl = f.curl ?? (f.exchange ? toCurl(f.exchange, book) : undefined);
  return curl ? { ...f, curl: labelledRepro(curl, f) } : f;
}

function makeSafe(result: RunResult): RunResult {
  // The run redacted its result already (report/result.ts); this pass keeps results from elsewhere (merge, tests) safe.
  const book = new SecretBook(result.secretNames ?? []);
  return {
    ...result,
    findings: redactFindings(
      result.findings.map((f) => withCurl(f, book)),
      book,
    ),
    fixed: redactFindings(result.fixed, book),
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
