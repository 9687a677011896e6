import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORTERS } from './index.ts';
import { detailsMarkdown, reportMarkdown } from './markdown.ts';
import { syntheticResult } from './synthetic.test-kit.ts';
import { sampleResult } from './test-result.ts';
import { writeReports } from './write.ts';

const MiB = 1024 * 1024;

describe('report.md stays a job summary however many findings', () => {
  it('keeps under 1 MiB and links details.md, which holds the rest of the findings', () => {
    const r = syntheticResult(5000);
    const md = reportMarkdown(r);
    const details = detailsMarkdown(r);
    expect(Buffer.byteLength(md)).toBeLessThan(MiB);
    expect(md).toMatch(/more finding sections \(of \d+\) are in \[details\.md\]\(details\.md\)/);
    expect(md.indexOf('## Top causes')).toBeLessThan(md.indexOf('## Findings'));
    // Every operation's findings are in one of the two files, none in both.
    for (const op of ['GET /things1/{id}', 'GET /things299/{id}']) {
      const heading = `### \`${op}\``;
      expect([md.includes(heading), details.includes(heading)].filter(Boolean)).toHaveLength(1);
    }
  });

  it('a small run is all in report.md: no details.md is written, and a stale one is removed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'specgate-budget-'));
    try {
      await writeReports(dir, [...REPORTERS], syntheticResult(5000));
      expect(existsSync(path.join(dir, 'details.md'))).toBe(true);
      await writeReports(dir, [...REPORTERS], sampleResult());
      expect(existsSync(path.join(dir, 'details.md'))).toBe(false);
      expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).not.toContain('details.md');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
