/**
 * report.html in a real headless browser: Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium) driven by
 * puppeteer-core, which downloads nothing. The page is the report of a real small run against the embedded
 * reference server with two planted drifts. Without Chromium the suite is skipped, except under CI, where
 * `.ci/run` installs it: there a missing browser fails.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../pipeline.ts';
import { STAGES } from '../stages.ts';
import type { RunResult } from '../types.ts';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const chromium = CANDIDATES.find((p): p is string => !!p && existsSync(p));

describe.runIf(!chromium && process.env.CI)('report.html under CI', () => {
  it('needs Chromium (set CHROMIUM_PATH or apt-get install chromium)', () => {
    expect.fail(`no Chromium at ${CANDIDATES.filter(Boolean).join(', ')}`);
  });
});

describe.skipIf(!chromium)('report.html in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let result: RunResult;
  let dir: string;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'specgate-html-'));
    const options = { seed: 20261125, drift: ['accepts-invalid', 'server-error'], workers: 1, reportDir: dir };
    result = await run({ ...options, include: ['createEmbedding', 'createRerank', 'listModels'] }, STAGES);
    browser = await puppeteer.launch({
      executablePath: chromium!,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    page.on('request', (r) => requested.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const visibleFindings = () =>
    page.$$eval('.finding', (els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).dataset.check!),
    );

  it('the run wrote report.html, and the page loads nothing but itself and raises no error', async () => {
    expect((await readFile(path.join(dir, 'report.html'), 'utf8')).startsWith('<!DOCTYPE html>')).toBe(true);
    expect(requested).toEqual([pathToFileURL(path.join(dir, 'report.html')).href]);
    expect(pageErrors).toEqual([]);
  });

  it('has a matrix row per operation and a cell per check, error cells where the error findings are', async () => {
    const rows = await page.$$eval('#matrix tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.operation));
    expect(rows).toEqual(result.coverage.map((c) => c.operation));
    const cells = await page.$$eval('#matrix tbody tr', (trs) =>
      trs.map((tr) => tr.querySelectorAll('td[data-verdict]').length),
    );
    expect(new Set(cells)).toEqual(new Set([result.checks.length]));
    const errorCells = await page.$$eval('#matrix td[data-verdict="error"]', (tds) =>
      tds.map((td) => `${(td as HTMLElement).dataset.operation} ${(td as HTMLElement).dataset.check}`),
    );
    const errors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.operation} ${f.checkId}`);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errorCells)).toEqual(new Set(errors));
    const reached = result.coverage.find((c) => c.reached)!;
    const row = await page.$eval(`#matrix tr[data-operation="${reached.operation}"]`, (tr) => tr.textContent);
    expect(row).toContain(String(reached.requests));
  });

  it('typing in the filter shows only the findings whose text matches', async () => {
    expect(await visibleFindings()).toHaveLength(result.findings.length);
    const target = result.findings.find((f) => f.checkId === 'negative_data_rejection')!;
    await page.type('#filter-text', 'negative_data');
    const shown = await visibleFindings();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(result.findings.length);
    expect(new Set(shown)).toEqual(new Set([target.checkId]));
    expect(await page.$eval('#shown-count', (o) => o.textContent)).toBe(`${shown.length} of ${result.findings.length}`);
    await page.$eval('#filter-text', (i) => {
      (i as HTMLInputElement).value = '';
      i.dispatchEvent(new Event('input'));
    });
    expect(await visibleFindings()).toHaveLength(result.findings.length);
  });

  it('the check select and regrouping by check keep every finding reachable', async () => {
    await page.select('#filter-check', 'not_a_server_error');
    expect(new Set(await visibleFindings())).toEqual(new Set(['not_a_server_error']));
    await page.select('#filter-check', '');
    await page.select('#group-by', 'check');
    const groups = await page.$$eval('#findings .group h3', (hs) =>
      hs.map((h) => h.textContent!.replace(/ \(\d+\)$/, '')),
    );
    expect(new Set(groups)).toEqual(new Set(result.findings.map((f) => f.checkId)));
    expect(await visibleFindings()).toHaveLength(result.findings.length);
  });

  it('a click on an error cell filters to its findings; the page is saved as a screenshot', async () => {
    await page.click('#matrix td[data-verdict="error"]');
    const shown = await visibleFindings();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(result.findings.length);
    await page.select('#filter-check', '');
    await page.$eval('#filter-text', (i) => {
      (i as HTMLInputElement).value = '';
      i.dispatchEvent(new Event('input'));
    });
    await page.$eval('.finding details', (d) => ((d as HTMLDetailsElement).open = true));
    const shot = path.join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await readFile(shot)).subarray(1, 4).toString()).toBe('PNG');
    console.log(`report.html screenshot: ${shot}`);
  });
});
