/**
 * Laws of `diffSpecs`, over the pairs in fixtures/diff (one folder per rule, plus pairs that must report
 * nothing): the named rule fires for the named operations, nothing fires where nothing changed, every rule
 * has a pair, swapping the sides swaps the rule for its inverse, and any spec diffed with itself is silent.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { corpusDocuments } from '../lint/corpus.ts';
import { loadSpec } from '../load/index.ts';
import { diffSpecs, RULES } from './index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(repoRoot, 'fixtures/diff');
const cases = readdirSync(fixtures).filter((d) => existsSync(path.join(fixtures, d, 'expect.yaml')));

interface Expect {
  fires?: string[];
  operations?: string[];
  breaking?: number;
  changes?: number;
}

async function diffCase(name: string, swap = false) {
  const [a, b] = await Promise.all(['base.yaml', 'head.yaml'].map((f) => loadSpec(path.join(fixtures, name, f))));
  return swap ? diffSpecs(b!, a!) : diffSpecs(a!, b!);
}

describe('diff fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const want = parse(readFileSync(path.join(fixtures, name, 'expect.yaml'), 'utf8')) as Expect;
    const { changes, counts } = await diffCase(name);
    const rules = new Set(changes.map((c) => c.rule));
    for (const rule of want.fires ?? []) expect(rules, `${rule} should fire`).toContain(rule);
    for (const op of want.operations ?? []) {
      expect(changes.filter((c) => c.operation === op && want.fires!.includes(c.rule)).length, `${op}`).toBeGreaterThan(
        0,
      );
    }
    if (want.breaking !== undefined) expect(changes.filter((c) => c.kind === 'breaking')).toEqual([]);
    if (want.changes !== undefined) expect(changes).toEqual([]);
    expect(counts.breaking + counts['non-breaking'] + counts.info).toBe(changes.length);
    for (const c of changes) {
      expect(c.base.file.endsWith('base.yaml') && c.head.file.endsWith('head.yaml')).toBe(true);
      expect(c.base.line).toBeGreaterThan(0);
      expect(c.head.line).toBeGreaterThan(0);
      expect(c.kind).toBe(RULES.find((r) => r.id === c.rule)!.kind === 'breaking' ? 'breaking' : c.kind);
    }
  });

  it('has a pair for every rule', () => {
    const covered = new Set(
      cases.flatMap(
        (name) => (parse(readFileSync(path.join(fixtures, name, 'expect.yaml'), 'utf8')) as Expect).fires ?? [],
      ),
    );
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('reports nothing when a side is compared with itself', async () => {
    for (const name of cases) {
      for (const file of ['base.yaml', 'head.yaml']) {
        const spec = await loadSpec(path.join(fixtures, name, file));
        expect(diffSpecs(spec, spec).changes, `${name}/${file}`).toEqual([]);
      }
    }
  });
});

/** Rules whose pair, read backwards, must fire the other rule. */
const INVERSES: Array<[string, string]> = [
  ['request-enum-narrowed', 'request-enum-widened'],
  ['request-max-decreased', 'request-max-increased'],
  ['request-min-increased', 'request-min-decreased'],
  ['response-max-increased', 'response-max-decreased'],
  ['response-min-decreased', 'response-min-increased'],
  ['request-pattern-added', 'request-pattern-removed'],
  ['request-property-required-added', 'request-property-removed'],
  ['request-property-became-required', 'request-property-became-optional'],
  ['response-property-removed', 'response-property-added'],
  ['response-property-became-optional', 'response-property-became-required'],
  ['response-property-became-nullable', 'response-type-narrowed'],
  ['response-type-widened', 'response-type-narrowed'],
  ['request-parameter-became-required', 'request-parameter-became-optional'],
  ['optional-parameter-added', 'request-parameter-removed'],
  ['request-media-type-added', 'request-media-type-removed'],
  ['response-media-type-added', 'response-media-type-removed'],
  ['response-header-added', 'response-header-removed'],
  ['operation-added', 'operation-removed'],
  ['request-variant-added', 'request-variant-removed'],
  ['response-variant-added', 'response-variant-removed'],
  ['security-requirement-added', 'security-requirement-removed'],
  ['request-type-widened', 'request-type-changed'],
];

describe('swapping base and head', () => {
  it.each(INVERSES)('%s read backwards is %s', async (rule, inverse) => {
    const { changes } = await diffCase(rule, true);
    expect(changes.map((c) => c.rule)).toContain(inverse);
    expect(changes.map((c) => c.rule)).not.toContain(rule);
  });
});

/** Every description of a corpus folder diffed with itself gives no change. */
function diffedWithThemselves(corpus: string): void {
  // A skipped describe still runs its body to collect tests: an absent folder lists nothing.
  const files = (existsSync(corpus) ? corpusDocuments(corpus) : [])
    .filter((f) => statSync(f).size < 1_000_000)
    .map((f) => path.relative(corpus, f));
  it.each(files)('%s', async (file) => {
    const spec = await loadSpec(path.join(corpus, file)).catch(() => undefined);
    if (!spec) return; // documents the loader rejects are the loader's subject, not the diff's
    const again = await loadSpec(path.join(corpus, file));
    expect(diffSpecs(spec, again).changes).toEqual([]);
  });
}

describe('own corpus diffed with itself', () => diffedWithThemselves(path.resolve(repoRoot, 'fixtures/corpus')));

describe.skipIf(!existsSync(path.resolve(repoRoot, '../shared/specs')))('real specs diffed with themselves', () =>
  diffedWithThemselves(path.resolve(repoRoot, '../shared/specs')),
);
