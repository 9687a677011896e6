/**
 * XML response bodies are judged like JSON ones: read by the OpenAPI XML Object rules (attributes, wrapped and
 * repeated arrays, namespaces) into the value the schema describes, then validated. Fixture: xml-pets-3.1.yaml.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../load/index.ts';
import negative from './negative-data-rejection.ts';
import responseSchema from './response-schema-conformance.ts';
import undocumented from './undocumented-response-content.ts';
import { contextOf, exchangeOf } from './test-kit.ts';

const spec = await loadSpec(path.resolve(import.meta.dirname, '../../fixtures/schemas/xml-pets-3.1.yaml'));
const list = contextOf(spec, 'GET /pets');
const xml = (body: string) =>
  exchangeOf({ path: '/pets', body: `<?xml version="1.0"?>${body}`, headers: { 'content-type': 'application/xml' } });
const causes = (body: string) => responseSchema.run(xml(body), list).map((f) => f.cause);

describe('XML response bodies', () => {
  it('a body the schema describes passes: attributes, wrapped arrays, repeated elements, a namespaced child', () => {
    const body = `<pets><pet id="7"><name>Rex</name><status>sold</status><vaccinated>true</vaccinated>
      <photoUrl>https://example.com/a.png</photoUrl><photoUrl>https://example.com/b.png</photoUrl>
      <tags><tag id="1"><name>good</name></tag></tags>
      <cat:category xmlns:cat="https://example.com/ns/category" id="2"><cat:name>dogs</cat:name></cat:category></pet></pets>`;
    expect(responseSchema.applies!(xml(body), list)).toBeUndefined();
    expect(causes(body)).toEqual([]);
  });

  it('reports what drifted: a non-integer attribute, a missing required element, an enum outside its values', () => {
    expect(causes('<pets><pet id="seven"><name>Rex</name></pet></pets>')).toEqual(['body/*/id type']);
    expect(causes('<pets><pet id="7"></pet></pets>')).toEqual(['body/*/name missing']);
    expect(causes('<pets><pet id="7"><name>Rex</name><status>lost</status></pet></pets>')).toEqual([
      'body/*/status enum',
    ]);
  });

  it('an element the schema does not declare is refused where additionalProperties is false', () => {
    expect(causes('<pets><pet id="7"><name>Rex</name><owner>Ann</owner></pet></pets>')).toEqual([
      'body/* properties not allowed',
    ]);
  });

  it('a body that is not well-formed XML is reported as such', () => {
    const [f, ...rest] = responseSchema.run(xml('<pets><pet id="7"><name>Rex</pet></pets>'), list);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ cause: 'body not XML', severity: 'error' });
    expect(f!.message).toMatch(/not well-formed XML/);
  });

  it('negative_data_rejection judges an XML request by the bytes sent: malformed XML accepted is drift, a valid body is not judged', () => {
    const create = contextOf(spec, 'POST /pets');
    const sent = (bodyText: string, violation: { location: string; keyword: string; message: string }) => {
      const ex = exchangeOf({ method: 'POST', path: '/pets', status: 201, kind: 'negative', violation });
      ex.case = { ...ex.case, mediaType: 'application/xml', body: { id: 1, name: 'Rex' }, bodyText };
      ex.request = { ...ex.request, body: bodyText };
      return ex;
    };
    const malformed = sent('<?xml version="1.0"?><specgate><unclosed>', {
      location: 'body',
      keyword: 'type',
      message: 'body is not well-formed XML',
    });
    expect(negative.run(malformed, create).map((f) => f.cause)).toEqual(['accepted invalid body (type)']);
    const fine = sent('<?xml version="1.0"?><pet id="1"><name>Rex</name></pet>', {
      location: 'body.name',
      keyword: 'required',
      message: 'name removed',
    });
    expect(negative.applies!(fine, create)).toBe('the body sent validates against the request schema');
  });

  it('undocumented_response_content reads XML too (no finding for declared elements)', () => {
    expect(undocumented.run(xml('<pets><pet id="7"><name>Rex</name></pet></pets>'), list)).toEqual([]);
  });
});
