import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import { breakingFindings, scopeToChanges, touchedOperations } from './changed-since.ts';
import { diffSpecs } from '../diff/index.ts';
import { buildPlan } from './plan.ts';

/** A two-path API; `edit` rewrites its YAML to make the head. */
const BASE = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /a:
    get:
      description: lists a
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/A' } } } } }
    post:
      responses: { '201': { description: ok } }
  /b/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses: { '200': { description: ok, content: { application/json: { example: { n: 1 } } } } }
components:
  schemas:
    A: { type: object, properties: { n: { type: integer } } }
`;

const spec = (text: string, source: string) => specFromText(text, source);
const touched = (head: string) => {
  const b = spec(BASE, 'base.yaml');
  const h = spec(head, 'head.yaml');
  return [...touchedOperations(b, h, diffSpecs(b, h).changes)].sort();
};

describe('touchedOperations', () => {
  it.each([
    ['nothing changed', BASE, []],
    ['a description edit (no contract change, still other text)', BASE.replace('lists a', 'lists every a'), ['GET /a']],
    [
      'a shared component an operation reaches through $ref',
      BASE.replace('n: { type: integer }', 'n: { type: string }'),
      ['GET /a'],
    ],
    [
      'a Path Item parameter touches every operation of the path',
      BASE.replace('schema: { type: string } }]', 'schema: { type: string, maxLength: 3 } }]'),
      ['GET /b/{id}'],
    ],
    ['an example (the cases sent change)', BASE.replace('example: { n: 1 }', 'example: { n: 2 }'), ['GET /b/{id}']],
    [
      'an added operation',
      BASE.replace('    post:\n', "    put:\n      responses: { '200': { description: ok } }\n    post:\n"),
      ['PUT /a'],
    ],
    [
      'a removed operation (named, though only the base has it)',
      BASE.replace("    post:\n      responses: { '201': { description: ok } }\n", ''),
      ['POST /a'],
    ],
  ])('%s', (_name, head, want) => {
    expect(touched(head)).toEqual(want);
  });
});

describe('scopeToChanges', () => {
  const b = spec(BASE, 'base.yaml');
  const h = spec(
    BASE.replace("    post:\n      responses: { '201': { description: ok } }\n", '').replace('lists a', 'lists all'),
    'head.yaml',
  );
  const plan = buildPlan(h, { available: [] }, 1);
  const { plan: narrowed, scope } = scopeToChanges(plan, b, h);

  it('keeps touched operations and skips the rest as unchanged, saying since what', () => {
    expect(narrowed.operations.map((p) => p.operation.key)).toEqual(['GET /a']);
    expect(narrowed.skipped).toEqual([
      {
        operation: h.operations.find((o) => o.key === 'GET /b/{id}'),
        reason: 'unchanged since base.yaml (--changed-since)',
      },
    ]);
    expect(scope).toMatchObject({ base: 'base.yaml', touched: ['GET /a'], unchanged: ['GET /b/{id}'] });
  });

  it('turns each breaking change into an error finding with the rule in its cause', () => {
    const findings = breakingFindings(scope, h, 1);
    expect(findings.map((f) => [f.checkId, f.severity, f.operation, f.cause])).toEqual([
      ['breaking_change', 'error', 'POST /a', 'operation-removed: operation POST /a removed'],
    ]);
    // A removed operation exists only in the base: its finding points there.
    expect(findings[0]!.specLocation?.file).toBe('base.yaml');
  });
});
