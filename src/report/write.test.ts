import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reporter } from '../types.ts';
import { findingEntry, findingsJson, findingsJsonChunks } from './findings-json.ts';
import { safeResult } from './safe.ts';
import { syntheticResult } from './synthetic.test-kit.ts';
import { writeReports } from './write.ts';

describe('findings.json in pieces', () => {
  it('is the text of the whole list stringified at once', () => {
    for (const n of [0, 1, 3]) {
      const result = syntheticResult(n, 2);
      const whole = JSON.stringify(
        safeResult(result).findings.map((f) => findingEntry(result, f)),
        null,
        2,
      );
      expect([...findingsJsonChunks(result)].join('')).toBe(`${whole}\n`);
      expect(findingsJson(result)).toBe(`${whole}\n`);
    }
  });
});

describe('writeReports', () => {
  const result = syntheticResult(2, 2);
  const pieces: Reporter = {
    id: 'pieces',
    description: '',
    filename: 'pieces.txt',
    run: () => 'a\nb\n',
    chunks: () => ['a\n', 'b\n'],
  };
  const broken: Reporter = {
    ...{ id: 'broken', description: '', filename: 'broken.txt', run: () => '' },
    *chunks() {
      yield 'half';
      throw new Error('out of ideas');
    },
  };
  const plain: Reporter = { id: 'plain', description: '', filename: 'plain.txt', run: () => 'whole\n' };

  it('writes pieces in order, and a reporter that throws midway leaves neither its file nor a temporary one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'specgate-write-'));
    const problems = await writeReports(dir, [pieces, broken, plain], result);
    expect(problems).toEqual(['reporter broken failed: out of ideas']);
    expect(readdirSync(dir).sort()).toEqual(['pieces.txt', 'plain.txt']);
    expect(readFileSync(path.join(dir, 'pieces.txt'), 'utf8')).toBe('a\nb\n');
    expect(readFileSync(path.join(dir, 'plain.txt'), 'utf8')).toBe('whole\n');
  });
});
