import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OperationCoverage, ReportedFinding } from '../types.ts';
import { reportHtml } from './html.ts';
import { SECRET, sampleResult } from './test-result.ts';

/** Undoes the five escapes of `xmlEscape`, to read attribute values back. */
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const rowsOf = (html: string) => [...html.matchAll(/<tr data-operation="([^"]*)">/g)].map((m) => unescape(m[1]!));

const cell = (html: string, op: string, check: string) => {
  const row = html.split('\n').find((l) => l.startsWith(`<tr data-operation="${op}">`)) ?? '';
  return /data-verdict="([a-z-]+)"/.exec(row.split(`data-check="${check}"`)[0]!.split('<td').at(-1)!)?.[1];
};

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';

function hostileFinding(): ReportedFinding {
  const base = sampleResult().findings[0]!;
  return {
    ...base,
    operation: `GET /evil/${hostile}`,
    cause: hostile,
    message: `Received: ${hostile}`,
    checkId: `check_${hostile}`,
  };
}

describe('report.html', () => {
  it('has one matrix row per operation of the result, whatever the operation text', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 8 }), (ops) => {
        const base = sampleResult().coverage[0]!;
        const coverage: OperationCoverage[] = ops.map((operation) => ({ ...base, operation }));
        expect(rowsOf(reportHtml(sampleResult({ coverage, findings: [] })))).toEqual(ops);
      }),
      { numRuns: 30 },
    );
  });

  it('lists operations that only findings name, after the covered ones', () => {
    const html = reportHtml(sampleResult({ findings: [...sampleResult().findings, hostileFinding()] }));
    expect(rowsOf(html)).toEqual([
      'GET /things/{id}',
      'POST /things',
      'GET /things',
      'DELETE /things/{id}',
      `GET /evil/${hostile}`,
    ]);
  });

  it('colours each cell by its verdict', () => {
    const html = reportHtml(sampleResult());
    expect(cell(html, 'GET /things/{id}', 'response_schema_conformance')).toBe('error');
    expect(cell(html, 'GET /things/{id}', 'undocumented_response_content')).toBe('warning');
    expect(cell(html, 'GET /things', 'response_schema_conformance')).toBe('pass');
    expect(cell(html, 'GET /things', 'sse_stream_conformance')).toBe('not-run');
    expect(cell(html, 'DELETE /things/{id}', 'negative_data_rejection')).toBe('not-run');
    expect(html).toContain('title="negative_data_rejection: not run: operation not reached: excluded by --read-only"');
  });

  it('shows coverage per operation: cases sent and statuses seen', () => {
    const row = reportHtml(sampleResult())
      .split('\n')
      .find((l) => l.startsWith('<tr data-operation="GET /things/{id}">'))!;
    expect(row).toContain('<td class="cov">10 <span class="muted">(8 positive, 2 negative)</span></td>');
    expect(row).toContain('200, 404 <span class="muted">never: 503</span>');
  });

  it('escapes everything user-controlled: the only <script> is its own', () => {
    const html = reportHtml(sampleResult({ findings: [hostileFinding()], target: hostile, notes: [hostile] }));
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // The sample's response body carries a script too; it is shown, as text.
    expect(reportHtml(sampleResult()).match(/<script/g)).toHaveLength(1);
  });

  it('loads nothing from the network: no src/href to http(s), no url(), no @import', () => {
    const html = reportHtml(sampleResult({ findings: [...sampleResult().findings, hostileFinding()] }));
    expect(html).not.toMatch(/\b(src|href|action)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain("default-src 'none'");
  });

  it('carries request, response and curl per finding, folded, and never a secret', () => {
    const html = reportHtml(sampleResult());
    expect(html.match(/<article class="finding"/g)).toHaveLength(3);
    expect(html.match(/<details>/g)).toHaveLength(3);
    expect(html).toContain('Reproduce with curl');
    expect(html).toContain('HTTP 201');
    expect(html).not.toContain(SECRET);
  });

  it('says so when there are no findings, and renders the same bytes twice', () => {
    const clean = reportHtml(sampleResult({ findings: [] }));
    expect(clean).toContain('No drift found in what was checked');
    expect(clean).not.toContain('id="filters"');
    expect(reportHtml(sampleResult())).toBe(reportHtml(sampleResult()));
  });
});
