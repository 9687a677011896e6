import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import type { Case, JsonObject, Operation } from '../types.ts';
import { createValidator } from '../validate/index.ts';
import { generate, generateCases } from './generate.ts';
import { readings } from './wire-readings.ts';
import { requestModel } from './operation-model.ts';
import { shrinkCase } from './shrink.ts';

const text = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/schemas/requests-3.1.yaml'), 'utf8');
const spec = specFromText(text, 'requests-3.1.yaml');
const validator = createValidator(spec);
const op = (id: string): Operation => spec.operations.find((o) => o.operationId === id)!;
const SEEDS = [1, 2, 3, 42, 1234567];

/** The server's reading of one parameter of a case: the raw text, or undefined when absent. */
function sentText(c: Case, location: string): string | undefined {
  const [where, name] = [location.slice(0, location.indexOf('.')), location.slice(location.indexOf('.') + 1)];
  if (where === 'query') return new URLSearchParams(c.query).get(name) ?? undefined;
  if (where === 'header') return c.headers[name];
  if (where === 'cookie') return c.cookies[name] === undefined ? undefined : decodeURIComponent(c.cookies[name]!);
  return undefined;
}

function bodySchema(o: Operation, c: Case): JsonObject {
  const media = requestModel(spec, o).body!.media.find((m) => m.key === c.mediaType)!;
  return media.schema as JsonObject;
}

describe('law: positive cases are valid requests', () => {
  it.each(spec.operations.map((o) => [o.key, o] as const))('%s', (_key, o) => {
    for (const seed of SEEDS) {
      for (const c of generateCases(spec, o, { kind: 'positive', count: 15, seed, validator })) {
        expect(c.violation).toBeUndefined();
        if (c.mediaType) expect(validator.validateSchema(bodySchema(o, c), c.body, 'request')).toEqual([]);
        for (const value of Object.values(c.headers)) expect(value).toMatch(/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/);
        expect(c.path).not.toMatch(/[{}]/);
        expect(c.query).toMatch(/^(?:[A-Za-z0-9\-._~%&=,[\]|]|%[0-9A-F]{2})*$/);
      }
    }
  });

  it('fills path, query, headers and cookies by style, and leaves readOnly properties out', () => {
    const cases = SEEDS.flatMap((seed) =>
      generateCases(spec, op('getItem'), { kind: 'positive', count: 20, seed, validator }),
    );
    for (const c of cases) {
      expect(c.path).toMatch(/^\/items\/\d+$/);
      const id = Number(c.path.split('/')[2]);
      expect(id).toBeGreaterThanOrEqual(1);
      expect(id).toBeLessThanOrEqual(1000);
      expect(['2024-01-01', '2025-06-01']).toContain(c.headers['X-Api-Version']);
      const q = new URLSearchParams(c.query).get('q')!;
      expect([...q].length).toBeGreaterThanOrEqual(2);
      if (c.cookies.session) expect(c.cookies.session).toMatch(/^[a-f0-9]{8}$/);
    }
    expect(cases.some((c) => /(^|&)filter\[(color|size)\]=/.test(c.query))).toBe(true);
    const puts = generateCases(spec, op('putItem'), { kind: 'positive', count: 50, seed: 5, validator });
    expect(puts.some((c) => 'id' in (c.body as object))).toBe(false);
  });

  it('never sets a header the HTTP client owns (Content-Length, Host, ...), even when the spec makes it a parameter', () => {
    const s3like = specFromText(`
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /objects/{key}:
    put:
      parameters:
        - { name: key, in: path, required: true, schema: { type: string } }
        - { name: Content-Length, in: header, required: true, schema: { type: integer } }
        - { name: Host, in: header, schema: { type: string } }
        - { name: x-amz-meta, in: header, required: true, schema: { type: string, minLength: 1 } }
      requestBody: { content: { text/plain: { schema: { type: string } } } }
      responses: { '200': { description: ok } }
`);
    const put = s3like.operations[0]!;
    const cases = (['example', 'boundary', 'positive', 'negative'] as const).flatMap((kind) =>
      generateCases(s3like, put, { kind, count: 10, seed: 3 }),
    );
    expect(cases.length).toBeGreaterThan(10);
    expect(
      cases
        .flatMap((c) => Object.keys(c.headers).map((h) => h.toLowerCase()))
        .filter((h) => h === 'content-length' || h === 'host'),
    ).toEqual([]);
    expect(cases.some((c) => 'x-amz-meta' in c.headers)).toBe(true);
  });

  it("sends a path key's #fragment nowhere: /buckets/{name}#acl goes to /buckets/x?acl", () => {
    const variants = specFromText(`
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /buckets/{name}#acl:
    get:
      parameters:
        - { name: name, in: path, required: true, schema: { type: string, pattern: '^[a-z]{3}$' } }
        - { name: acl, in: query, required: true, allowEmptyValue: true, schema: { type: boolean } }
      responses: { '200': { description: ok } }
`);
    const cases = (['example', 'boundary', 'positive', 'negative'] as const).flatMap((kind) =>
      generateCases(variants, variants.operations[0]!, { kind, count: 10, seed: 4 }),
    );
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) expect(c.path).toMatch(/^\/buckets\/[^#]*$/);
  });

  it('sets the discriminator property to the right mapping value per branch', () => {
    const kinds = generateCases(spec, op('putItem'), { kind: 'positive', count: 80, seed: 9, validator })
      .map((c) => (c.body as { kind?: { type: string; pages?: number; age?: number } }).kind)
      .filter((k) => k !== undefined);
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds) expect(k!.type === 'Book' ? 'pages' in k! : 'age' in k!).toBe(true);
  });

  it('writes form, multipart and text bodies exactly', () => {
    const form = generateCases(spec, op('postForm'), { kind: 'positive', count: 10, seed: 1, validator });
    for (const c of form) {
      expect(c.headers['content-type']).toBe('application/x-www-form-urlencoded');
      const parsed = new URLSearchParams(c.bodyText);
      expect(Number(parsed.get('amount'))).toBe((c.body as { amount: number }).amount);
    }
    const multipart = generateCases(spec, op('upload'), { kind: 'positive', count: 10, seed: 1, validator }).filter(
      (c) => c.bodyText,
    );
    for (const c of multipart) {
      const boundary = c.headers['content-type']!.match(/boundary=(.+)$/)![1]!;
      expect(c.bodyText!.endsWith(`--${boundary}--\r\n`)).toBe(true);
      expect(c.bodyText).toContain('Content-Disposition: form-data; name="file"; filename="file.bin"');
    }
    for (const c of generateCases(spec, op('postNote'), { kind: 'positive', count: 10, seed: 1, validator }))
      expect(c.bodyText).toBe(c.body);
  });
});

describe('law: negative cases violate exactly what they say, and a server must reject them', () => {
  const all = spec.operations.flatMap((o) =>
    SEEDS.flatMap((seed) =>
      generateCases(spec, o, { kind: 'negative', count: 12, seed, validator }).map((c) => [o, c] as const),
    ),
  );

  it('generates negatives for every operation that has a constraint', () => {
    expect(new Set(all.map(([o]) => o.key)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(all.map(([o, c]) => [`${c.id} ${c.violation?.location} ${c.violation?.keyword}`, o, c] as const))(
    '%s',
    (_name, o, c) => {
      const v = c.violation!;
      expect(v.message.length).toBeGreaterThan(0);
      if (v.location === 'body' && v.message === 'body is not JSON') expect(() => JSON.parse(c.bodyText!)).toThrow();
      else if (v.location === 'body' && v.keyword === 'required') expect(c.bodyText).toBeUndefined();
      else if (v.location.startsWith('body')) {
        const errors = validator.validateSchema(bodySchema(o, c), c.body, 'request');
        expect(errors.map((e) => e.keyword)).toContain(
          v.keyword === 'additionalProperties' ? errors.find((e) => /Properties$/.test(e.keyword))?.keyword : v.keyword,
        );
      } else {
        const param = requestModel(spec, o).parameters.find((p) => `${p.in}.${p.name}` === v.location)!;
        const sent = sentText(c, v.location);
        if (v.keyword === 'required') expect(sent).toBeUndefined();
        else if (param.in !== 'path') {
          // A text that some reading makes valid (e.g. "123" for an integer) would not be a violation.
          for (const r of readings(sent!))
            expect(validator.validateSchema(param.schema, r, 'request').length).toBeGreaterThan(0);
        }
      }
    },
  );

  it('never mutates an unconstrained header, and never removes a path parameter', () => {
    expect(all.some(([, c]) => c.violation!.location === 'header.X-Trace')).toBe(false);
    expect(all.some(([, c]) => c.violation!.location.startsWith('path.') && c.violation!.keyword === 'required')).toBe(
      false,
    );
  });

  it('does not generate "123"-style type violations for numeric query parameters', () => {
    for (const [, c] of all.filter(
      ([, c]) => c.violation!.location === 'query.limit' && c.violation!.keyword === 'type',
    )) {
      expect(Number.isNaN(Number(sentText(c, 'query.limit')))).toBe(true);
    }
  });

  it('never sends an empty value for an optional parameter as a violation (servers may read it as absent)', () => {
    for (const [o, c] of all.filter(
      ([, c]) => /^(query|cookie|header)\./.test(c.violation!.location) && c.violation!.keyword !== 'required',
    )) {
      const param = requestModel(spec, o).parameters.find((p) => `${p.in}.${p.name}` === c.violation!.location)!;
      if (!param.required) expect(sentText(c, c.violation!.location)).not.toBe('');
    }
  });

  it('law: no two negative cases of one operation and seed send the same request with the same violation', () => {
    for (const o of spec.operations) {
      for (const seed of SEEDS) {
        const sent = generateCases(spec, o, { kind: 'negative', count: 12, seed, validator }).map((c) =>
          JSON.stringify([c.path, c.query, c.headers, c.cookies, c.bodyText ?? c.body, c.violation]),
        );
        expect(new Set(sent).size).toBe(sent.length);
      }
    }
  });

  it('law: negatives from `start` are the cases from that index of the same list (a later round goes further down)', () => {
    for (const o of spec.operations) {
      const all = generateCases(spec, o, { kind: 'negative', count: 12, seed: 7, validator });
      const later = generateCases(spec, o, { kind: 'negative', count: 6, seed: 7, validator, start: 6 });
      const sent = (c: Case) => JSON.stringify([c.id, c.path, c.query, c.bodyText ?? c.body, c.violation]);
      const index = (c: Case) => Number(c.id.slice(c.id.lastIndexOf('/') + 1));
      expect(later.every((c) => index(c) >= 6)).toBe(true);
      // Case i is the same request whichever call made it (a repeat dropped in one call may be kept in the other).
      for (const c of later) {
        const twin = all.find((a) => a.id === c.id);
        if (twin) expect(sent(c)).toBe(sent(twin));
      }
    }
  });

  it('drops path mutations that another route would match (/items/search)', () => {
    for (const [, c] of all.filter(([, c]) => c.violation!.location === 'path.itemId'))
      expect(c.path).not.toBe('/items/search');
  });
});

describe('boundary and example cases', () => {
  it('law: boundary cases are valid and include the edges', () => {
    const cases = generateCases(spec, op('getItem'), { kind: 'boundary', count: 200, seed: 1, validator });
    const ids = cases.map((c) => Number(c.path.split('/')[2]));
    expect(ids).toContain(1);
    expect(ids).toContain(1000);
    const qs = cases.map((c) => new URLSearchParams(c.query).get('q')!.length);
    expect(qs).toContain(2);
    expect(qs).toContain(10);
    const versions = new Set(cases.map((c) => c.headers['X-Api-Version']));
    expect(versions).toEqual(new Set(['2024-01-01', '2025-06-01']));
    for (const c of cases) expect(c.violation).toBeUndefined();
  });

  it('sends the spec example first, as written', () => {
    const [c] = generateCases(spec, op('putItem'), { kind: 'example', count: 5, seed: 1, validator });
    expect(c!.body).toEqual({ name: 'Widget', price: 9.5, tags: ['a'] });
    expect(c!.bodyText).toBe('{"name":"Widget","price":9.5,"tags":["a"]}');
  });
});

describe('determinism', () => {
  const run = (seed: number) =>
    JSON.stringify(
      spec.operations.flatMap((o) =>
        (['example', 'positive', 'negative', 'boundary'] as const).map((kind) =>
          generate(spec, o, { kind, count: 8, seed, validator }),
        ),
      ),
    );

  it('law: the same seed gives byte-identical output, a different seed a different one', () => {
    const a = run(77);
    expect(run(77)).toBe(a);
    expect(run(78)).not.toBe(a);
  });

  it('law: the same seed gives the same output with a fresh spec and validator', () => {
    const fresh = specFromText(text, 'requests-3.1.yaml');
    const o = fresh.operations.find((x) => x.operationId === 'putItem')!;
    expect(JSON.stringify(generateCases(fresh, o, { kind: 'positive', count: 5, seed: 3 }))).toBe(
      JSON.stringify(generateCases(spec, op('putItem'), { kind: 'positive', count: 5, seed: 3, validator })),
    );
  });
});

describe('shrinkCase', () => {
  it('shrinks a positive case while the predicate holds, and the result is still a valid request', async () => {
    const [c] = generateCases(spec, op('putItem'), { kind: 'positive', count: 1, seed: 11, validator });
    const small = await shrinkCase(c!, async () => true);
    expect(JSON.stringify(small.body).length).toBeLessThanOrEqual(JSON.stringify(c!.body).length);
    expect(validator.validateSchema(bodySchema(op('putItem'), small), small.body, 'request')).toEqual([]);
  });

  it('law: a shrunk negative case is still invalid, with its violation', async () => {
    for (const c of generateCases(spec, op('putItem'), { kind: 'negative', count: 10, seed: 4, validator })) {
      const small = await shrinkCase(c, async () => true);
      expect(small.violation?.keyword).toBe(c.violation?.keyword);
      if (small.violation!.location.startsWith('body.'))
        expect(
          validator.validateSchema(bodySchema(op('putItem'), small), small.body, 'request').length,
        ).toBeGreaterThan(0);
    }
  });
});
