/** Laws of the structural check: one clear error per mistake, despite the official schemas' oneOf branches. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specFromText } from '../../load/index.ts';
import rule from '../rules/spec-structure.ts';
import { createLintContext } from '../context.ts';
import { buildOfficial, officialValidator, standalonePath } from './official-schema.ts';
import { standaloneSource } from './generate-standalone.ts';

const run = (text: string) => rule.run(createLintContext(specFromText(text)));
const v30 = `openapi: 3.0.3\ninfo: {title: t, version: '1'}\n`;

describe('spec-structure', () => {
  it.each([
    [
      'a schema type typo',
      `${v30}paths: {}\ncomponents: {schemas: {A: {type: strin}}}\n`,
      '/components/schemas/A/type',
      /"type" is "strin"; allowed: "array", "boolean"/,
    ],
    [
      'a path parameter without required: true',
      `${v30}paths:\n  /a/{id}:\n    get:\n      parameters: [{name: id, in: path, schema: {type: string}}]\n      responses: {'200': {description: ok}}\n`,
      '/paths/~1a~1{id}/get/parameters/0',
      /Parameter Object is missing required field "required"/,
    ],
    [
      'a response without description',
      `${v30}paths:\n  /a:\n    get:\n      responses: {'200': {content: {}}}\n`,
      '/paths/~1a/get/responses/200',
      /Response Object is missing required field "description"/,
    ],
    [
      'a 3.1 document without paths, components or webhooks',
      `openapi: 3.1.0\ninfo: {title: t, version: '1'}\n`,
      '',
      /needs at least one of: "paths", "components", "webhooks"/,
    ],
  ])('reports %s as exactly one error', (_name, text, pointer, message) => {
    const reports = run(text);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.pointer).toBe(pointer);
    expect(reports[0]!.message).toMatch(message);
  });

  it('accepts an Operation Object given as a $ref (resolved and checked in place)', () => {
    const text = `${v30}paths:\n  /a:\n    get: {$ref: '#/components/x-ops/list'}\ncomponents:\n  x-ops:\n    list: {responses: {'200': {description: ok}}}\n`;
    expect(run(text)).toEqual([]);
    const broken = text.replace('description: ok', 'descripton: ok');
    expect(run(broken).map((r) => r.pointer)).toContain('/components/x-ops/list/responses/200/descripton');
  });

  it('accepts 3.2 additions and says how 3.2 is checked', () => {
    const doc = `openapi: 3.2.0\ninfo: {title: t, version: '1'}\ntags: [{name: a, kind: nav, parent: b}, {name: b}]\npaths:\n  /a:\n    query:\n      responses: {'200': {description: ok, content: {text/event-stream: {itemSchema: {type: object}}}}}\n`;
    expect(run(doc)).toEqual([]);
    const [report] = run(doc.replace('kind: nav', 'knd: nav'));
    expect(report?.message).toMatch(
      /Field "knd" is not allowed in a Tag Object.*3.2 is checked against the 3.1 schema plus 3.2 fields/,
    );
  });

  it.each(['3.0', '3.1', '3.2'] as const)(
    'the pre-generated %s validator matches the schemas it was generated from',
    (line) => {
      expect(readFileSync(standalonePath(line), 'utf8')).toBe(standaloneSource(line));
    },
  );

  it.each(['3.0', '3.1', '3.2'] as const)('%s loads the pre-generated validator, not a fresh compile', (line) => {
    // A compiled ajv function carries its schema environment; the standalone code does not.
    expect('schemaEnv' in officialValidator(line)).toBe(false);
    expect('schemaEnv' in buildOfficial(line).validate).toBe(true);
  });
});
