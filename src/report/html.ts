/**
 * `report.html`: one self-contained page (inline style and script, no font, image or script from anywhere)
 * with an operations × checks matrix coloured by verdict, the findings grouped and filterable, and per
 * finding the request, response and curl repro. Sees the result through `safeResult()` like every reporter.
 */
import type { Reporter, RunResult } from '../types.ts';
import { SCRIPT, STYLE } from './html-assets.ts';
import { filterBarHtml, findingsHtml } from './html-findings.ts';
import { buildMatrix, legendHtml, matrixHtml } from './html-matrix.ts';
import { safeResult } from './safe.ts';
import { xmlEscape as h } from '../format/xml.ts';

/** Nothing may be fetched: styles and the script are inline, images only as data: URIs. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

function verdict(r: RunResult): string {
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warns = r.findings.length - errors;
  const scope = `${r.operationsReached}/${r.operationsTotal} operations reached`;
  if (r.findings.length === 0) return `No drift found in what was checked (${scope}).`;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warns} warning${warns === 1 ? '' : 's'} (${scope}).`;
}

function summary(r: RunResult): string {
  const kinds = Object.entries(r.casesByKind)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const rows: Array<[string, string]> = [
    ['Target', r.target],
    ['Spec', `${r.specSource} (sha256 ${r.specSha256.slice(0, 12)})`],
    ['Seed', String(r.seed)],
    ['Duration', `${(r.durationMs / 1000).toFixed(1)} s (${r.start} → ${r.end})`],
    ['Requests', `${r.requests}${kinds ? ` (${kinds})` : ''}`],
    ['Exit code', String(r.exitCode)],
  ];
  return `<table class="summary">${rows.map(([k, v]) => `<tr><td>${k}</td><td>${h(v)}</td></tr>`).join('')}</table>`;
}

function notes(r: RunResult): string {
  if (r.notes.length === 0) return '';
  return `<h2>Notes</h2>\n<ul>${r.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>`;
}

/** Renders report.html. */
export function reportHtml(result: RunResult): string {
  const r = safeResult(result);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>specgate run report: ${h(r.specSource)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>specgate run report</h1>',
    `<p class="verdict" data-errors="${r.findings.filter((f) => f.severity === 'error').length}">${h(verdict(r))}</p>`,
    summary(r),
    '<h2>Operations × checks</h2>',
    legendHtml(),
    `<div class="matrix-wrap">${matrixHtml(buildMatrix(r))}</div>`,
    `<h2>Findings (${r.findings.length})</h2>`,
    r.findings.length > 0 ? filterBarHtml(r) : '',
    findingsHtml(r),
    notes(r),
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const reporter: Reporter = {
  id: 'html',
  description: 'Self-contained HTML report: operations × checks matrix, filterable findings with repros.',
  filename: 'report.html',
  run: reportHtml,
};
export default reporter;
