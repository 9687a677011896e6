/**
 * `findings.json` back into ReportedFindings: the inverse of src/report/findings-json.ts for every field a
 * reporter reads. The example exchange is rebuilt from the entry's request/response (already redacted).
 */
import type { ReportedFinding, CaseKind, Exchange, SourceLocation, Violation } from '../types.ts';

/** One `findings.json` entry (or baseline entry), loosely typed: older writers may leave fields out. */
export interface FindingEntry {
  operation: string;
  operationId?: string;
  check?: string;
  checkId?: string;
  severity?: 'error' | 'warn';
  cause: string;
  message?: string;
  occurrences?: number;
  details?: string[];
  detailCount?: number;
  instancePath?: string;
  schemaPath?: string;
  specLocation?: SourceLocation | null;
  seed?: number;
  caseId?: string | null;
  caseKind?: CaseKind | null;
  violation?: Violation;
  request?: { method: string; url: string; headers: Record<string, string>; body?: string } | null;
  response?: {
    status: number;
    headers: Record<string, string | string[]>;
    body: string;
    truncated: boolean;
    durationMs?: number;
  } | null;
  error?: { code: string; message: string };
  curl?: string | null;
}

/** True for an entry merging can use: it names its operation, check and cause. */
export function isFindingEntry(value: unknown): value is FindingEntry {
  const f = value as FindingEntry | null;
  return (
    typeof f?.operation === 'string' &&
    typeof f.cause === 'string' &&
    (typeof f.check === 'string' || typeof f.checkId === 'string')
  );
}

/** The entry as a ReportedFinding; `baseline` is dropped, since merging recomputes it. */
export function toReportedFinding(entry: FindingEntry): ReportedFinding {
  const exchange = exchangeOf(entry);
  return {
    checkId: entry.checkId ?? entry.check ?? '',
    severity: entry.severity === 'warn' ? 'warn' : 'error',
    operation: entry.operation,
    ...(entry.operationId !== undefined && { operationId: entry.operationId }),
    message: entry.message ?? '',
    cause: entry.cause,
    ...(Array.isArray(entry.details) && {
      details: entry.details,
      detailCount: entry.detailCount ?? entry.details.length,
    }),
    ...(entry.instancePath !== undefined && { instancePath: entry.instancePath }),
    ...(entry.schemaPath !== undefined && { schemaPath: entry.schemaPath }),
    ...(entry.specLocation && { specLocation: entry.specLocation }),
    ...(entry.caseId && { caseId: entry.caseId }),
    seed: entry.seed ?? 0,
    ...(exchange && { exchange }),
    occurrences: typeof entry.occurrences === 'number' && entry.occurrences > 0 ? entry.occurrences : 1,
    ...(entry.curl && { curl: entry.curl }),
  };
}

function exchangeOf(entry: FindingEntry): Exchange | undefined {
  const request = entry.request;
  if (!request) return undefined;
  const url = new URL(request.url, 'http://unknown.invalid');
  const response = entry.response;
  return {
    case: {
      id: entry.caseId ?? '',
      operation: entry.operation,
      ...(entry.operationId !== undefined && { operationId: entry.operationId }),
      kind: entry.caseKind ?? 'positive',
      method: request.method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      headers: request.headers,
      cookies: {},
      ...(request.body !== undefined && { bodyText: request.body }),
      ...(entry.violation && { violation: entry.violation }),
      seed: entry.seed ?? 0,
    },
    request,
    ...(response && {
      response: {
        status: response.status,
        headers: response.headers,
        body: response.body,
        truncated: response.truncated,
        timeToFirstByteMs: 0,
      },
    }),
    ...(entry.error && { error: entry.error }),
    durationMs: response?.durationMs ?? 0,
  };
}
