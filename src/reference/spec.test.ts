/**
 * Laws about openapi.json itself: it is a valid OpenAPI 3.1 document, every schema compiles under
 * JSON Schema 2020-12, every example validates against its own schema, it turns into TypeScript,
 * and it follows the house rules the issue lists (operationIds, 4xx on every operation, one Error
 * schema, documented headers, links that name real operations, no unused components).
 */
import { describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import { DEFAULT_SPEC_PATH, SpecSchemas, loadSpec, pointer } from './spec.ts';

const doc = loadSpec();
const schemas = new SpecSchemas(doc);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

type Op = { key: string; ptr: string; op: any };
function operations(): Op[] {
  const out: Op[] = [];
  for (const [root, items] of [
    ['paths', doc.paths],
    ['webhooks', doc.webhooks ?? {}],
  ] as const) {
    for (const [path, item] of Object.entries(items)) {
      for (const m of METHODS)
        if (item[m]) out.push({ key: `${m.toUpperCase()} ${path}`, ptr: pointer(root, path, m), op: item[m] });
    }
  }
  return out;
}
const pathOps = () => operations().filter((o) => o.ptr.startsWith('/paths'));

/** Every (value, schema pointer, where) example pair in the document. */
function examples(): Array<{ where: string; value: unknown; schemaPtr: string }> {
  const out: Array<{ where: string; value: unknown; schemaPtr: string }> = [];
  const visit = (node: any, ptr: string): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${ptr}/${i}`));
    const hasSchema = node.schema && typeof node.schema === 'object';
    if (hasSchema && 'example' in node) out.push({ where: ptr, value: node.example, schemaPtr: `${ptr}/schema` });
    if (hasSchema && node.examples && typeof node.examples === 'object') {
      for (const [name, ex] of Object.entries<any>(node.examples))
        out.push({ where: `${ptr}/examples/${name}`, value: ex.value, schemaPtr: `${ptr}/schema` });
    }
    // A schema's own `examples` keyword (JSON Schema 2020-12) is an array of instances.
    if (Array.isArray(node.examples) && (node.type || node.properties || node.$ref)) {
      node.examples.forEach((v: unknown, i: number) =>
        out.push({ where: `${ptr}/examples/${i}`, value: v, schemaPtr: ptr }),
      );
    }
    for (const [k, v] of Object.entries(node)) visit(v, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  visit(doc, '');
  return out;
}

/** Every `$ref` string in the document. */
function refs(node: any, acc = new Set<string>()): Set<string> {
  if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') acc.add(node.$ref);
    for (const v of Object.values(node)) refs(v, acc);
  }
  return acc;
}

/** Every schema object in the document, with its pointer (walks schema keywords only). */
function allSchemas(): Array<{ ptr: string; schema: any }> {
  const out: Array<{ ptr: string; schema: any }> = [];
  const walk = (s: any, ptr: string): void => {
    if (!s || typeof s !== 'object') return;
    out.push({ ptr, schema: s });
    for (const k of ['items', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else', 'contains'])
      if (s[k] && typeof s[k] === 'object') walk(s[k], `${ptr}/${k}`);
    for (const k of ['properties', 'patternProperties', '$defs'])
      for (const [n, sub] of Object.entries<any>(s[k] ?? {})) walk(sub, `${ptr}/${k}/${n}`);
    for (const k of ['oneOf', 'anyOf', 'allOf', 'prefixItems'])
      (s[k] ?? []).forEach((sub: any, i: number) => walk(sub, `${ptr}/${k}/${i}`));
  };
  for (const [n, s] of Object.entries(doc.components.schemas ?? {})) walk(s, `/components/schemas/${n}`);
  return out;
}

describe('openapi.json', () => {
  it('is accepted by swagger-parser validate()', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as any)).resolves.toBeTruthy();
    await expect(SwaggerParser.validate(DEFAULT_SPEC_PATH)).resolves.toBeTruthy();
  });

  it('compiles every component schema with ajv 2020', () => {
    for (const name of Object.keys(doc.components.schemas ?? {})) {
      expect(() => schemas.validator(pointer('components', 'schemas', name)), name).not.toThrow();
    }
  });

  it('uses only known JSON Schema / OpenAPI keywords (catches typos strict:false would hide)', () => {
    const known = new Set([
      'type',
      'properties',
      'required',
      'additionalProperties',
      'items',
      'enum',
      'const',
      'description',
      'default',
      'minimum',
      'maximum',
      'minLength',
      'maxLength',
      'pattern',
      'format',
      'minItems',
      'maxItems',
      'uniqueItems',
      'oneOf',
      'anyOf',
      'allOf',
      '$ref',
      'examples',
      'minProperties',
      'maxProperties',
      'propertyNames',
    ]);
    for (const { ptr, schema } of allSchemas())
      for (const k of Object.keys(schema)) expect(known.has(k), `${ptr}: ${k}`).toBe(true);
  });

  it('never uses the 3.0 `nullable` keyword nor readOnly', () => {
    for (const { ptr, schema } of allSchemas()) {
      expect(schema.nullable, ptr).toBeUndefined();
      expect(schema.readOnly, ptr).toBeUndefined();
    }
  });

  it('has examples, and every example validates against its schema', () => {
    const all = examples();
    expect(all.length).toBeGreaterThan(20);
    for (const ex of all) {
      const v = schemas.validator(ex.schemaPtr);
      expect(v(ex.value), `${ex.where}: ${JSON.stringify(v.errors)}`).toBe(true);
    }
  });

  it('turns into TypeScript with openapi-typescript', async () => {
    const ast = await openapiTS(structuredClone(doc) as any);
    const out = astToString(ast);
    expect(out).toContain('createChatCompletion');
    expect(out).toContain('ChatCompletionChunk');
  });

  it('gives every operation a unique operationId, a summary, tags and a 4xx response', () => {
    const ids = new Set<string>();
    for (const { key, op } of operations()) {
      expect(op.operationId, key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(ids.has(op.operationId), key).toBe(false);
      ids.add(op.operationId);
      expect(op.summary, key).toBeTruthy();
      expect(op.tags?.length, key).toBeGreaterThan(0);
      expect(
        Object.keys(op.responses).some((s) => s.startsWith('4')),
        key,
      ).toBe(true);
    }
    expect(pathOps().length).toBeGreaterThanOrEqual(30);
  });

  it('uses the Error schema for every error response and documents x-request-id everywhere', () => {
    for (const { key, op } of pathOps()) {
      for (const [status, raw] of Object.entries<any>(op.responses)) {
        const res = schemas.resolve(raw);
        expect(res.headers?.['x-request-id'], `${key} ${status}`).toBeTruthy();
        expect(
          Object.keys(res.headers ?? {}).map((h) => h.toLowerCase()),
          `${key} ${status}`,
        ).not.toContain('content-type');
        if (Number(status) >= 400)
          expect(res.content['application/json'].schema, `${key} ${status}`).toEqual({
            $ref: '#/components/schemas/Error',
          });
      }
    }
  });

  it('bounds every limit parameter and declares additionalProperties: false on request bodies', () => {
    for (const { key, op } of pathOps()) {
      for (const p of (op.parameters ?? []).map((x: any) => schemas.resolve(x))) {
        if (p.name === 'limit') expect([p.schema.minimum, p.schema.maximum], key).toEqual([1, expect.any(Number)]);
      }
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body) expect(schemas.resolve(body).additionalProperties, key).toBe(false);
    }
  });

  it('documents 429 with Retry-After on every authenticated operation', () => {
    for (const { key, op } of pathOps()) {
      const res = schemas.resolve(op.responses['429']);
      expect(res?.headers?.['Retry-After'], key).toBeTruthy();
    }
  });

  it('declares SSE and JSON on the chat completion 200 response', () => {
    const content = doc.paths['/v1/chat/completions']!.post.responses['200'].content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'text/event-stream']);
    expect(content['text/event-stream'].schema.$ref).toBe('#/components/schemas/ChatCompletionChunk');
    expect(doc.paths['/v1/chat/completions']!.post.responses['200'].description).toContain('[DONE]');
  });

  it('has links that name existing operations, and webhooks with a documented signature', () => {
    const ids = new Set(operations().map((o) => o.op.operationId));
    let count = 0;
    for (const { op } of pathOps()) {
      for (const res of Object.values<any>(op.responses)) {
        for (const [name, l] of Object.entries<any>(schemas.resolve(res).links ?? {})) {
          count++;
          expect(ids.has(l.operationId), name).toBe(true);
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(8);
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual(['job.completed', 'job.failed']);
    expect(doc.webhooks!['job.completed']!.post.description).toContain('HMAC-SHA256');
  });

  it('has no unused components', () => {
    const used = refs({ paths: doc.paths, webhooks: doc.webhooks, components: doc.components });
    for (const [kind, entries] of Object.entries(doc.components)) {
      if (kind === 'securitySchemes') continue;
      for (const name of Object.keys(entries))
        expect(used.has(`#/components/${kind}/${name}`), `${kind}/${name}`).toBe(true);
    }
  });
});
