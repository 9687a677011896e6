/**
 * The streamed part of the report: findings and exchange summaries appended as they come, one JSON object a
 * line (`findings.ndjson`, `exchanges.ndjson`), so a long run costs O(n) to report, keeps no list of its
 * exchanges, and leaves a readable record however it ends. Secrets are scrubbed line by line, as in every report.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { Exchange, Finding, ReportedFinding, RunResult } from '../types.ts';
import { findingEntry } from './findings-json.ts';
import { redactFindings, scrubDeep, type SecretBook } from '../credentials/index.ts';

/** Files of the stream, in the report directory. */
export const FINDINGS_NDJSON = 'findings.ndjson';
export const EXCHANGES_NDJSON = 'exchanges.ndjson';

/** One line of exchanges.ndjson: what was sent and what came of it, without bodies. */
export function exchangeSummary(exchange: Exchange, verdict: { findings: readonly Finding[]; inconclusive?: string }) {
  const c = exchange.case;
  return {
    operation: c.operation,
    caseId: c.id,
    kind: c.kind,
    method: exchange.request.method,
    url: exchange.request.url,
    ...(exchange.response ? { status: exchange.response.status } : { error: exchange.error?.code ?? 'unknown' }),
    durationMs: Math.round(exchange.durationMs),
    findings: verdict.findings.map((f) => `${f.checkId}: ${f.cause}`),
    ...(verdict.inconclusive !== undefined && { inconclusive: verdict.inconclusive }),
  };
}

/** What a streamed finding line needs of the run (for its replay command). */
export type StreamHeader = Pick<RunResult, 'seed' | 'specSource' | 'target' | 'command' | 'secretNames'>;

/** Appends lines to the two files; `enabled: false` (no report files) makes every call a no-op. */
export function createReportStream(dir: string, enabled: boolean, secrets: () => SecretBook, problems: string[]) {
  let files: { findings: WriteStream; exchanges: WriteStream } | undefined;
  // A file that cannot be written is a note, never a crash of the run: the stream stops, the reports remain.
  const fail = (error: Error): void => {
    if (enabled) problems.push(`streamed report: ${error.message}`);
    enabled = false;
  };
  const open = () => {
    if (!files) {
      mkdirSync(dir, { recursive: true });
      const at = (name: string) => createWriteStream(path.join(dir, name), { flags: 'w' }).on('error', fail);
      files = { findings: at(FINDINGS_NDJSON), exchanges: at(EXCHANGES_NDJSON) };
    }
    return files;
  };
  const write = (which: 'findings' | 'exchanges', text: string): void => {
    if (!enabled) return;
    try {
      open()[which].write(text);
    } catch (error) {
      fail(error as Error);
    }
  };
  // Opened at once, so even a run stopped before its first answer leaves the (empty) files.
  if (enabled) {
    try {
      open();
    } catch (error) {
      fail(error as Error);
    }
  }
  const line = (value: unknown): string => JSON.stringify(scrubDeep(value, secrets())) + '\n';
  return {
    exchange(exchange: Exchange, verdict: { findings: readonly Finding[]; inconclusive?: string }): void {
      if (enabled) write('exchanges', line(exchangeSummary(exchange, verdict)));
    },
    findings(header: StreamHeader, findings: readonly ReportedFinding[]): void {
      if (!enabled || findings.length === 0) return;
      const safe = redactFindings([...findings], secrets());
      write('findings', safe.map((f) => line(findingEntry(header, f))).join(''));
    },
    /** Flushes and closes both files. */
    async close(): Promise<void> {
      const f = files;
      files = undefined;
      if (!f) return;
      await Promise.all([f.findings, f.exchanges].map((s) => new Promise<void>((r) => (s.destroyed ? r() : s.end(r)))));
    },
  };
}
