import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUMMARY_LIMIT, jobSummary } from './job-summary.ts';

const bytes = (s: string) => Buffer.byteLength(s);

describe('the job summary', () => {
  it('is report.md unchanged when it fits', () => {
    const report = '# specgate\n\n| a | b |\n|---|---|\n| é | 😀 |\n';
    expect(jobSummary(report)).toBe(report);
  });

  it("keeps the default under GitHub's 1 MiB", () => {
    expect(SUMMARY_LIMIT).toBeLessThan(1024 * 1024);
    const big = 'row with text ünïcödé 😀\n'.repeat(60_000);
    expect(bytes(big)).toBeGreaterThan(1024 * 1024);
    const summary = jobSummary(big, { link: 'https://example.test/run/1' });
    expect(bytes(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(summary).toContain('[the full report](https://example.test/run/1)');
  });

  it('over the limit: at most limit bytes, whole lines of the report, valid UTF-8, and the note last', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '|', ' '), maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 260, max: 2000 }),
        (lines, limit) => {
          const report = lines.join('\n') + '\n';
          const summary = jobSummary(report, { limit });
          if (bytes(report) <= limit) {
            expect(summary).toBe(report);
            return;
          }
          expect(bytes(summary)).toBeLessThanOrEqual(limit);
          expect(summary).not.toContain('\uFFFD');
          const [kept] = summary.split('\n\n> **Truncated:**');
          expect(summary.endsWith('artifacts.\n')).toBe(true);
          expect(report.startsWith(kept!)).toBe(true);
          if (kept!.length > 0 && kept!.includes('\n')) expect(report[kept!.length]).toBe('\n');
        },
      ),
    );
  });
});
