/**
 * The findings of report.html: one collapsible entry per finding (what was wrong, where the spec says so, and
 * folded away the request, the response and the curl repro), with the data attributes the page's script
 * filters and groups by. Every user-controlled string goes through `h`.
 */
import type { ReportedFinding, RunResult } from '../types.ts';
import { replayCommand } from './safe.ts';
import { xmlEscape as h } from '../format/xml.ts';
import { cut, groupBy, loc, prettyBody } from './text.ts';

/** Most of a body a reader needs in a browser; the rest is in findings.json. */
const BODY_LIMIT = 4096;

const SEVERITY = { error: 'error', warn: 'warning' } as const;

function headerLines(headers: Record<string, string | string[]>): string[] {
  return Object.entries(headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
}

function pre(label: string, text: string, cls = ''): string {
  return `<div class="block${cls ? ` ${cls}` : ''}"><div class="label">${h(label)}</div><pre>${h(text)}</pre></div>`;
}

function requestBlock(f: ReportedFinding): string {
  const ex = f.exchange!;
  const req = ex.request;
  const lines = [`${req.method.toUpperCase()} ${req.url}`, ...headerLines(req.headers)];
  if (req.body !== undefined && req.body !== '') lines.push('', cut(prettyBody(req.body), BODY_LIMIT));
  const v = ex.case.violation;
  const kind = v ? `negative case: ${v.location} ${v.message} (${v.keyword})` : `${ex.case.kind} case`;
  return pre(`Request (${kind}, case ${ex.case.id})`, lines.join('\n'), 'request');
}

function responseBlock(f: ReportedFinding): string {
  const ex = f.exchange!;
  if (!ex.response)
    return pre('Response', `no response (${ex.error?.code ?? 'unknown'}: ${ex.error?.message ?? ''})`, 'response');
  const r = ex.response;
  const lines = [`HTTP ${r.status}`, ...headerLines(r.headers)];
  if (r.body !== '')
    lines.push('', cut(prettyBody(r.body), BODY_LIMIT) + (r.truncated ? '\n… (cut at the response size cap)' : ''));
  return pre(`Response (${Math.round(ex.durationMs)} ms)`, lines.join('\n'), 'response');
}

function where(f: ReportedFinding): string {
  const parts = [
    f.specLocation && `spec <code>${h(loc(f.specLocation))}</code>`,
    f.specLocation?.pointer && `pointer <code>${h(f.specLocation.pointer)}</code>`,
    f.instancePath && `instance <code>${h(f.instancePath)}</code>`,
    f.schemaPath && `schema <code>${h(f.schemaPath)}</code>`,
  ].filter(Boolean);
  return parts.length ? `<p class="where">${parts.join(' · ')}</p>` : '';
}

function findingHtml(result: RunResult, f: ReportedFinding, n: number): string {
  const sev = SEVERITY[f.severity];
  const times = f.occurrences > 1 ? ` <span class="muted">×${f.occurrences}</span>` : '';
  const base = f.baseline ? ` <span class="badge">${f.baseline}</span>` : '';
  const repro = [
    ...(f.exchange ? [requestBlock(f), responseBlock(f)] : []),
    ...(f.curl ? [pre('Reproduce with curl', f.curl, 'curl')] : []),
    pre('Replay with specgate', replayCommand(result, f), 'replay'),
  ];
  return [
    `<article class="finding" id="f-${n}" data-severity="${sev}" data-check="${h(f.checkId)}" data-operation="${h(f.operation)}">`,
    `<h4><span class="sev sev-${sev}">${sev}</span> <code>${h(f.checkId)}</code> · <code>${h(f.operation)}</code> · ${h(f.cause)}${times}${base}</h4>`,
    `<pre class="message">${h(f.message)}</pre>`,
    where(f),
    `<details><summary>Request, response and repro</summary>${repro.join('')}</details>`,
    '</article>',
  ].join('\n');
}

/** Every finding, grouped by operation (the page's script regroups by check or severity on demand). */
export function findingsHtml(result: RunResult): string {
  if (result.findings.length === 0) return '<p id="no-findings">No findings in what was checked.</p>';
  let n = 0;
  const groups = [...groupBy(result.findings, (f) => f.operation)].map(
    ([op, list]) =>
      `<section class="group"><h3>${h(op)} <span class="muted">(${list.length})</span></h3>\n${list.map((f) => findingHtml(result, f, n++)).join('\n')}\n</section>`,
  );
  return `<div id="findings">\n${groups.join('\n')}\n</div>`;
}

/** The filter bar: free text, severity, check, and what to group by. */
export function filterBarHtml(result: RunResult): string {
  const checks = [...new Set(result.findings.map((f) => f.checkId))].sort();
  const option = (v: string, t = v) => `<option value="${h(v)}">${h(t)}</option>`;
  return [
    '<form id="filters" onsubmit="return false">',
    '<label>Filter <input id="filter-text" type="search" placeholder="text in operation, check, cause or message"></label>',
    `<label>Severity <select id="filter-severity">${option('', 'all')}${option('error')}${option('warning')}</select></label>`,
    `<label>Check <select id="filter-check">${option('', 'all')}${checks.map((c) => option(c)).join('')}</select></label>`,
    `<label>Group by <select id="group-by">${option('operation')}${option('check')}${option('severity')}</select></label>`,
    `<output id="shown-count">${result.findings.length} of ${result.findings.length}</output>`,
    '</form>',
  ].join('\n');
}
