/** One finding in report.md: why it is drift, what was sent, what came back, and how to reproduce it. */
import type { ReportedFinding, RunResult } from '../types.ts';
import { replayCommand } from './safe.ts';
import { code, fence } from '../format/markdown.ts';
import { cut, loc, prettyBody } from './text.ts';

/** Most of a body a reader needs; the rest is in findings.json. */
const BODY_LIMIT = 1024;

const ICON = { error: '❌', warn: '⚠️' } as const;

function headersText(headers: Record<string, string | string[]>): string[] {
  return Object.entries(headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
}

function sent(f: ReportedFinding): string[] {
  const ex = f.exchange!;
  const req = ex.request;
  const lines = [`${req.method.toUpperCase()} ${req.url}`, ...headersText(req.headers)];
  if (req.body !== undefined && req.body !== '') lines.push('', cut(prettyBody(req.body), BODY_LIMIT));
  const kind =
    ex.case.kind === 'negative' && ex.case.violation
      ? `negative case: ${ex.case.violation.location} ${ex.case.violation.message} (${ex.case.violation.keyword})`
      : `${ex.case.kind} case`;
  return [`**Request** (${kind}, case ${code(ex.case.id)}):`, '', fence(lines.join('\n'), 'http')];
}

function received(f: ReportedFinding): string[] {
  const ex = f.exchange!;
  if (!ex.response)
    return [
      `**Response:** no response (${ex.error?.code ?? 'unknown'}: ${ex.error?.message ?? ''}) after ${Math.round(ex.durationMs)} ms`,
    ];
  const r = ex.response;
  const lines = [`HTTP ${r.status}`, ...headersText(r.headers)];
  const events = r.events?.length ? ` · ${r.events.length} events` : '';
  if (r.body !== '')
    lines.push('', cut(prettyBody(r.body), BODY_LIMIT) + (r.truncated ? '\n… (cut at the response size cap)' : ''));
  return [`**Response** (${Math.round(ex.durationMs)} ms${events}):`, '', fence(lines.join('\n'), 'http')];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Markdown of one finding, as a section under its operation and check. */
export function findingSection(result: RunResult, f: ReportedFinding): string {
  const badge = f.baseline === 'known' ? ' · known (baseline)' : f.baseline === 'new' ? ' · **new**' : '';
  const times = f.occurrences > 1 ? ` · seen ${f.occurrences}×` : '';
  const out = [`#### ${ICON[f.severity]} ${code(f.cause)} (${f.severity}${times}${badge})`, '', fence(f.message)];
  const where = [
    f.specLocation && `spec ${code(loc(f.specLocation))}`,
    f.instancePath && `instance ${code(f.instancePath)}`,
    f.schemaPath && `schema ${code(f.schemaPath)}`,
  ].filter(Boolean);
  if (where.length > 0) out.push('', `Where: ${where.join(' · ')}`);
  if (f.details?.length) {
    const count = f.detailCount ?? f.details.length;
    const more = count > f.details.length ? ` and ${count - f.details.length} more` : '';
    out.push('', `Instances (${count}): ${f.details.map(code).join(', ')}${more}`);
  }
  // Request, response and curl fold away so a long report still reads like a PR comment.
  const details = [
    ...(f.exchange ? [...sent(f), '', ...received(f)] : []),
    ...(f.curl ? ['', '**Reproduce:**', '', fence(f.curl, 'sh')] : []),
  ];
  if (details.length > 0) {
    const status = f.exchange?.response ? ` → ${f.exchange.response.status}` : '';
    const summary = f.exchange
      ? `${f.exchange.request.method.toUpperCase()} ${new URL(f.exchange.request.url, 'http://x.invalid').pathname}${status}`
      : 'reproduce';
    out.push(
      '',
      `<details><summary>${escapeHtml(summary)}: request, response, curl</summary>`,
      '',
      ...details,
      '',
      '</details>',
    );
  }
  out.push('', `**Replay with specgate:** ${code(replayCommand(result, f))}`);
  return out.join('\n');
}
