/**
 * The structure law of this repository (what `npm run arch` reports, as a test, so `npm test` fails on a
 * regression): no computed imports, no runtime cycle between folders of src/, no production function over
 * 60 lines and no production file over 250 lines.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './arch/analyze.ts';

const LIMITS = { functionLines: 60, fileLines: 250 };

describe('the structure of this repository', { timeout: 120_000 }, () => {
  const report = analyze(path.resolve(import.meta.dirname, '..'), LIMITS);

  it('has no computed import (every import and require names its module with a string literal)', () => {
    expect(report.computedImports).toEqual([]);
  });

  it('has no runtime import cycle between folders of src/', () => {
    expect(report.folderCycles).toEqual([]);
  });

  it('has no production function over 60 lines', () => {
    expect(report.longFunctions).toEqual([]);
  });

  it('has no production file over 250 lines', () => {
    expect(report.longFiles).toEqual([]);
  });

  it('measured what it claims: the production files of src/ were read', () => {
    expect(report.roles.production).toBeGreaterThan(300);
  });
});
