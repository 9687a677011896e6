/**
 * `findings.json`: one object per (deduplicated) finding with stable field names, documented in
 * `src/report/README.md`. It doubles as the `--baseline` input of a later run.
 */
import type { ReportedFinding, RunResult } from '../types.ts';
import { causeId, findingId } from './baseline.ts';
import { replayCommand, safeFindings } from './safe.ts';
import { cut } from './text.ts';

/** Largest response body kept per finding, in characters. */
const BODY_LIMIT = 4096;

/** One findings.json entry; `result` only gives the replay command. */
export function findingEntry(result: Parameters<typeof replayCommand>[0], f: ReportedFinding): Record<string, unknown> {
  const ex = f.exchange;
  return {
    id: findingId(f),
    causeId: causeId(f),
    operation: f.operation,
    ...(f.operationId !== undefined && { operationId: f.operationId }),
    check: f.checkId,
    // The in-memory name of `check`, kept so older baseline readers match.
    checkId: f.checkId,
    severity: f.severity,
    cause: f.cause,
    message: f.message,
    occurrences: f.occurrences,
    ...(f.details && { details: f.details, detailCount: f.detailCount ?? f.details.length }),
    ...(f.baseline !== undefined && { baseline: f.baseline }),
    ...(f.instancePath !== undefined && { instancePath: f.instancePath }),
    ...(f.schemaPath !== undefined && { schemaPath: f.schemaPath }),
    specLocation: f.specLocation ?? null,
    seed: f.seed,
    caseId: f.caseId ?? null,
    caseKind: ex?.case.kind ?? null,
    ...(ex?.case.violation && { violation: ex.case.violation }),
    request: ex
      ? {
          method: ex.request.method,
          url: ex.request.url,
          headers: ex.request.headers,
          ...(ex.request.body !== undefined && { body: ex.request.body }),
        }
      : null,
    response: ex?.response
      ? {
          status: ex.response.status,
          headers: ex.response.headers,
          body: cut(ex.response.body, BODY_LIMIT),
          truncated: ex.response.truncated,
          durationMs: ex.durationMs,
        }
      : null,
    ...(ex?.error && { error: ex.error }),
    curl: f.curl ?? null,
    replay: replayCommand(result, f),
  };
}

/**
 * findings.json in pieces, one finding at a time (made safe as it goes): the text `JSON.stringify(entries, null,
 * 2)` gives, without holding it or the entries whole.
 */
export function* findingsJsonChunks(result: RunResult): Generator<string> {
  let first = true;
  for (const f of safeFindings(result)) {
    // An entry nested one level deep is its own indented text with every line break indented once more.
    yield (first ? '[\n  ' : ',\n  ') + JSON.stringify(findingEntry(result, f), null, 2).replaceAll('\n', '\n  ');
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** Renders findings.json. */
export function findingsJson(result: RunResult): string {
  return [...findingsJsonChunks(result)].join('');
}

export default {
  id: 'findings-json',
  description: 'Every finding as JSON (also the --baseline input).',
  filename: 'findings.json',
  run: findingsJson,
  chunks: findingsJsonChunks,
};
