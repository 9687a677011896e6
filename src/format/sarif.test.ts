/**
 * Laws of the SARIF output: whatever goes in, the log is valid against the official SARIF 2.1.0 schema, and
 * `lint --format sarif` / `diff --format sarif` place every problem or change where the other formats do.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../cli/command.ts';
import { main } from '../cli/main.ts';
import { type SarifItem, sarifLog, sarifText, sarifUri } from './sarif.ts';
import { sarifErrors } from './sarif.test-kit.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CommandIO = { stdout: (s) => void (out += s), stderr: () => {}, interactive: false, env: {}, cwd: ROOT };
  return { code: await main(argv, io), out };
}

const item: fc.Arbitrary<SarifItem> = fc.record(
  {
    ruleId: fc.string({ minLength: 1 }),
    level: fc.constantFrom('error' as const, 'warning' as const, 'note' as const),
    message: fc.string(),
    file: fc.oneof(
      fc.string({ minLength: 1 }),
      fc.constantFrom('openapi.json', 'origin/main:openapi.json', '/abs/dir with space/x.yaml', 'https://h.test/a b'),
    ),
    line: fc.nat(),
    column: fc.nat(),
    pointer: fc.string(),
    operation: fc.string(),
    fingerprint: fc.string({ minLength: 1 }),
  },
  { requiredKeys: ['ruleId', 'level', 'message'] },
);

describe('SARIF logs', () => {
  it('are valid SARIF 2.1.0 for any results, and every ruleIndex names its rule', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 6 }),
        fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
        (items, ids) => {
          const rules = [...new Set(ids)].map((id) => ({ id, description: `rule ${id}` }));
          const text = sarifText(sarifLog(rules, items));
          expect(sarifErrors(text)).toEqual([]);
          const run = (JSON.parse(text) as Log).runs[0]!;
          expect(run.results).toHaveLength(items.length);
          for (const r of run.results!) expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('name spec files as code scanning resolves them: relative stays relative, absolute becomes file:, URLs stay', () => {
    expect(sarifUri('openapi.json')).toBe('openapi.json');
    expect(sarifUri('specs/a b.yaml')).toBe('specs/a%20b.yaml');
    expect(sarifUri('origin/main:openapi.json')).toBe('origin/main%3Aopenapi.json');
    expect(sarifUri('/tmp/x.yaml')).toBe('file:///tmp/x.yaml');
    expect(sarifUri('https://example.test/spec.yaml')).toBe('https://example.test/spec.yaml');
  });
});

describe('specgate lint --format sarif', () => {
  it.each(['fixtures/corpus/invalid-3.1.yaml', 'fixtures/corpus/minified-3.1.json', 'openapi.json'])(
    '%s: valid SARIF with one result per problem, at its file, line and column',
    async (file) => {
      const [sarif, json] = await Promise.all([
        cli('lint', file, '--format', 'sarif'),
        cli('lint', file, '--format', 'json'),
      ]);
      expect(sarif.code).toBe(json.code);
      expect(sarifErrors(sarif.out)).toEqual([]);
      const problems = JSON.parse(json.out) as Array<{ rule: string; file: string; line: number; column: number }>;
      const results = (JSON.parse(sarif.out) as Log).runs[0]!.results!;
      const placed = results.map((r) => {
        const p = r.locations![0]!.physicalLocation!;
        return [r.ruleId, p.artifactLocation!.uri, p.region!.startLine, p.region!.startColumn];
      });
      expect(placed).toEqual(problems.map((p) => [p.rule, p.file, p.line, p.column]));
    },
  );

  it('lists every lint rule with its description, and errors and warnings as such', async () => {
    const log = JSON.parse((await cli('lint', 'fixtures/corpus/invalid-3.1.yaml', '--format', 'sarif')).out) as Log;
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('specgate');
    expect(driver.rules!.find((r) => r.id === 'operation-id-missing')?.shortDescription?.text).toBeTruthy();
    expect(new Set(log.runs[0]!.results!.map((r) => r.level))).toEqual(new Set(['error', 'warning']));
  });
});

describe('specgate diff --format sarif', () => {
  const cases = readdirSync(path.join(ROOT, 'fixtures/diff'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it.each(cases)('%s: valid SARIF, one result per change at its head line, failing kinds as errors', async (name) => {
    const dir = `fixtures/diff/${name}`;
    const [sarif, json] = await Promise.all([
      cli('diff', `${dir}/base.yaml`, `${dir}/head.yaml`, '--format', 'sarif'),
      cli('diff', `${dir}/base.yaml`, `${dir}/head.yaml`, '--format', 'json'),
    ]);
    expect(sarif.code).toBe(json.code);
    expect(sarifErrors(sarif.out)).toEqual([]);
    const changes = JSON.parse(json.out) as Array<{ rule: string; kind: string; head: { file: string; line: number } }>;
    const level = { breaking: 'error', 'non-breaking': 'warning', info: 'note' } as Record<string, string>;
    const results = (JSON.parse(sarif.out) as Log).runs[0]!.results!;
    expect(
      results.map((r) => {
        const p = r.locations![0]!.physicalLocation!;
        return [r.ruleId, r.level, p.artifactLocation!.uri, p.region?.startLine];
      }),
    ).toEqual(changes.map((c) => [c.rule, level[c.kind], c.head.file, c.head.line || undefined]));
  });
});
