/**
 * The shared corpus of real-world descriptions (skipped when absent): every document loads and lints or fails
 * with a HarnessError, never a crash; and on the AIgateway description the findings sit on the right lines,
 * which the test finds independently by searching the raw text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../load/index.ts';
import { corpusDocuments, lintDocument } from './corpus.ts';
import { lintSpec } from './index.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/specs');
const present = existsSync(corpus);
/** specgate's own corpus (fixtures/corpus): the same code paths in any clone. */
const own = resolve(import.meta.dirname, '../../fixtures/corpus');

describe('own corpus', () => {
  it('loads and lints every document, or fails with a harness error', async () => {
    const docs = corpusDocuments(own);
    expect(docs.length).toBeGreaterThanOrEqual(7);
    const entries = await Promise.all(docs.map((doc) => lintDocument(doc, own)));
    for (const entry of entries)
      expect(entry.failure?.crash ?? false, `${entry.file}: ${entry.failure?.message}`).toBe(false);
    const byFile = new Map(entries.map((e) => [e.file, e]));
    expect(byFile.get('swagger-2.0.json')?.failure?.code).toBe('SPEC_UNSUPPORTED');
    expect(byFile.get('invalid-3.1.yaml')?.errors).toBeGreaterThan(0);
    expect(byFile.get('multi-file/root.yaml')?.operations).toBe(1);
  });

  it('locates a problem of a one-line document by line and column', async () => {
    const problems = lintSpec(await loadSpec(join(own, 'minified-3.1.json')));
    const example = problems.find((p) => p.rule === 'example-invalid');
    expect(example?.line).toBe(1);
    expect(example?.column).toBeGreaterThan(100);
  });
});

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe.skipIf(!present)('corpus', () => {
  it('loads and lints every document, or fails with a harness error', { timeout: 240_000 }, async () => {
    const docs = corpusDocuments(corpus);
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const entry = await lintDocument(doc, corpus);
      expect(entry.failure?.crash ?? false, `${entry.file}: ${entry.failure?.message}`).toBe(false);
    }
  });

  it('finds every nullable misuse and every undocumented GET 200 of aigateway-upstream.json on its own line', async () => {
    const file = join(corpus, 'aigateway-upstream.json');
    const text = readFileSync(file, 'utf8');
    const problems = lintSpec(await loadSpec(file));

    const nullableLines = [...text.matchAll(/"nullable"\s*:\s*true/g)].map((m) => lineAt(text, m.index));
    const reportedNullable = problems
      .filter((p) => p.rule === 'schema-3-0-keyword' && p.message.includes('"nullable"'))
      .map((p) => p.line);
    expect(nullableLines.length).toBeGreaterThan(0);
    expect(reportedNullable.sort((a, b) => a - b)).toEqual(nullableLines.sort((a, b) => a - b));

    // Independently: walk the parsed paths, and find each GET 200 without content by scanning the text in order.
    const document = JSON.parse(text) as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const expected: number[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      const ok = item.get?.responses?.['200'];
      if (!ok || ok.content) continue;
      const pathAt = text.indexOf(`${JSON.stringify(path)}:`);
      const getAt = text.indexOf('"get":', pathAt);
      expected.push(lineAt(text, text.indexOf('"200":', getAt)));
    }
    const reported = problems.filter((p) => p.rule === 'response-content-missing').map((p) => p.line);
    expect(expected.length).toBeGreaterThan(0);
    expect(reported.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });
});
