import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../errors.ts';
import { loadSpec, specFromText } from './index.ts';
import { walkSchemas } from './walk-schemas.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/load');
const tmp = mkdtempSync(join(tmpdir(), 'specgate-load-'));

/** Writes `content` to a temp file and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

async function loadError(source: string): Promise<HarnessError> {
  try {
    await loadSpec(source);
  } catch (error) {
    if (error instanceof HarnessError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('positions: every pointer maps back to file:line:col', () => {
  const yaml = [
    'openapi: 3.1.0',
    'info:',
    '  title: t',
    '  version: "1"',
    'paths:',
    '  /a:',
    '    get:',
    '      responses:',
    "        '200':",
    '          description: ok',
    '',
  ].join('\n');
  it.each([
    ['/openapi', 1, 1],
    ['/info/title', 3, 3],
    ['/paths/~1a/get', 7, 5],
    ['/paths/~1a/get/responses/200/description', 10, 11],
  ])('YAML %s is at line %i col %i', (pointer, line, column) => {
    const loc = specFromText(yaml, 'x.yaml').locate(pointer);
    expect([loc.line, loc.column]).toEqual([line, column]);
  });

  const json = JSON.stringify(
    {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } },
    },
    null,
    2,
  );
  it.each([
    ['/info/version', 5],
    ['/paths/~1a/get/responses/200', 11],
    ['/paths/~1a/get/responses/200/description', 12],
  ])('JSON %s is on line %i (numeric object keys included)', (pointer, line) => {
    expect(specFromText(json, 'x.json').locate(pointer).line).toBe(line);
  });

  it('falls back to the nearest ancestor for a pointer that does not exist', () => {
    expect(specFromText(yaml, 'x.yaml').locate('/info/nope/deeper').line).toBe(2);
  });
});

describe('bundling', () => {
  it('mounts external files, rewrites refs, and locates nodes in the file they came from', async () => {
    const spec = await loadSpec(join(FIXTURES, 'multi/root.yaml'));
    expect(spec.files).toHaveLength(3);
    const [op] = spec.operations;
    expect(op?.key).toBe('GET /pets/{id}');
    expect(op?.operationId).toBe('getPet');
    expect(op?.parameters.map((p) => p.name)).toEqual(['id']);
    const schema = spec.get<{ $ref: string }>(`${op!.pointer}/responses/200/content/application~1json/schema`);
    expect(schema).toMatchObject({ type: 'object', required: ['id', 'name'] });
    const where = spec.locate(spec.deref({ $ref: '#/x-specgate-files/2/Pet/properties/name' }).pointer);
    expect(where.file.endsWith('schemas/pet.yaml')).toBe(true);
    expect(where.line).toBe(6);
  });

  it('keeps circular references finite and walkable', async () => {
    const spec = await loadSpec(join(FIXTURES, 'multi/root.yaml'));
    const seen: string[] = [];
    walkSchemas(spec, (_s, pointer) => seen.push(pointer));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.some((p) => p.endsWith('/Pet/properties/parent'))).toBe(true);
  });

  it('a $ref loop across files loads, and deref stops at the repeat', async () => {
    const spec = await loadSpec(join(FIXTURES, 'loop/a.yaml'));
    const result = spec.deref(spec.get('/components/schemas/A') ?? { $ref: '#/components/schemas/A' });
    expect(result.pointer).toBeTypeOf('string');
  });

  it('a $ref to a missing file names the $ref and its line', async () => {
    const error = await loadError(join(FIXTURES, 'missing-ref.yaml'));
    expect(error.code).toBe('REF_UNRESOLVED');
    expect(error.location).toMatch(/missing-ref\.yaml:12:\d+$/);
  });
});

describe('hostile input ends in a clear HarnessError, never a crash or hang', () => {
  it.each<[string, string | Uint8Array, string]>([
    ['empty.yaml', '', 'SPEC_PARSE'],
    ['blank.yaml', '  \n\n', 'SPEC_PARSE'],
    ['binary.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'SPEC_UNREADABLE'],
    [
      'latin1.yaml',
      new Uint8Array([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x70, 0x69, 0x3a, 0x20, 0xe9, 0x0a]),
      'SPEC_UNREADABLE',
    ],
    ['swagger.yaml', 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n', 'SPEC_UNSUPPORTED'],
    ['v4.yaml', 'openapi: 4.0.0\ninfo: {title: t, version: "1"}\n', 'SPEC_UNSUPPORTED'],
    ['list.yaml', '- 1\n- 2\n', 'SPEC_INVALID'],
    ['bad.yaml', 'openapi: 3.1.0\ninfo: [unclosed\n', 'SPEC_PARSE'],
  ])('%s → %s', async (name, content, code) => {
    expect((await loadError(file(name, content))).code).toBe(code);
  });

  it('a YAML alias bomb is refused', async () => {
    const lines = ['openapi: 3.1.0', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const error = await loadError(file('bomb.yaml', lines.join('\n') + '\n'));
    expect(error.code).toBe('SPEC_TOO_LARGE');
  });

  it('a deeply nested document is refused', async () => {
    const deep = '{"openapi":"3.1.0","x":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const error = await loadError(file('deep.json', deep));
    expect(error.code).toBe('SPEC_INVALID');
  });

  it('a missing file and an unreachable URL are errors with the source named', async () => {
    expect((await loadError(join(tmp, 'nope.yaml'))).code).toBe('SPEC_UNREADABLE');
    const error = await loadError('http://127.0.0.1:9/openapi.json');
    expect(error.code).toBe('SPEC_UNREADABLE');
    expect(error.location).toBe('http://127.0.0.1:9/openapi.json');
  });

  it('a 50 MB document loads (bounded time, no crash)', async () => {
    const schemas: Record<string, unknown> = {};
    for (let i = 0; schemas && i < 120_000; i++)
      schemas[`S${i}`] = { type: 'object', description: 'x'.repeat(380), properties: { id: { type: 'string' } } };
    const path = file(
      'big.json',
      JSON.stringify({ openapi: '3.1.0', info: { title: 'big', version: '1' }, paths: {}, components: { schemas } }),
    );
    const spec = await loadSpec(path);
    expect(Object.keys(spec.get<object>('/components/schemas') ?? {})).toHaveLength(120_000);
  }, 180_000); // a hang fails; slowness on a loaded machine is not what this law is about
});

describe('operations', () => {
  const text = `
openapi: 3.0.3
info: {title: t, version: '1'}
security: [{key: []}]
paths:
  /items/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
      - {name: trace, in: header, schema: {type: string}}
    get:
      operationId: getItem
      parameters:
        - {name: trace, in: header, required: true, schema: {type: integer}}
      responses: {'200': {description: ok}}
    delete:
      security: []
      responses: {'204': {description: gone}}
`;
  it('merges path-level parameters, operation wins, security inherits unless overridden', () => {
    const [get, del] = specFromText(text).operations;
    expect(get?.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['id', 'path', true],
      ['trace', 'header', true],
    ]);
    expect(get?.security).toEqual([{ key: [] }]);
    expect(del?.key).toBe('DELETE /items/{id}');
    expect(del?.security).toEqual([]);
  });
});

describe('error locations name files as the user wrote them', () => {
  it.each([
    ['deep-loc.json', '{"openapi":"3.1.0","x":' + '['.repeat(2000) + ']'.repeat(2000) + '}', 'SPEC_INVALID'],
    ['bad-loc.yaml', 'openapi: 3.1.0\ninfo: [unclosed\n', 'SPEC_PARSE'],
  ])('%s → %s at a path, not a file: URI', async (name, content, code) => {
    file(name, content);
    try {
      await loadSpec(name, { cwd: tmp });
      throw new Error('expected a HarnessError');
    } catch (error) {
      expect((error as HarnessError).code).toBe(code);
      expect((error as HarnessError).location).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+$`));
    }
  });
});
