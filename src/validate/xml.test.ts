import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { specFromText } from '../load/index.ts';
import type { Json } from '../types.ts';
import { createValidator } from './index.ts';
import { decodeName, encodeName, MAX_XML_CHARS } from './xml-shape.ts';
import { specResolver, xmlRootName, xmlToJson, xmlToJsonAt } from './xml.ts';

const spec = specFromText(
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/schemas/xml-pets-3.1.yaml'), 'utf8'),
  'xml-pets-3.1.yaml',
);
const resolve = specResolver(spec);
const validator = createValidator(spec);
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const read = (text: string, schema: Json) => xmlToJson(text, schema, resolve, { line: '3.1' });
const value = (text: string, schema: Json): unknown => {
  const out = read(text, schema);
  if ('error' in out) throw new Error(out.error);
  return out.value;
};

describe('xmlToJson maps a document onto the value its schema describes', () => {
  it('reads attributes, typed text, namespaced and wrapped elements of the pet fixture', () => {
    const text = `<?xml version="1.0"?>
      <pet id="7">
        <name>Rex &amp; co</name>
        <vaccinated>true</vaccinated>
        <weight>12.5</weight>
        <cat:category xmlns:cat="https://example.com/ns/category" id="3"><name>dogs</name></cat:category>
        <photoUrl>https://example.com/a.png</photoUrl>
        <tags><tag id="1"><name>good</name></tag></tags>
      </pet>`;
    const pet = value(text, ref('Pet'));
    expect(pet).toEqual({
      id: 7,
      name: 'Rex & co',
      vaccinated: true,
      weight: 12.5,
      category: { id: 3, name: 'dogs' },
      photoUrls: ['https://example.com/a.png'],
      tags: [{ id: 1, name: 'good' }],
    });
    expect(validator.validate('/components/schemas/Pet', pet, 'response')).toEqual([]);
  });

  it('makes arrays of repeated and wrapped elements even with a single element, and reads root arrays', () => {
    expect(value('<pet id="1"><name>a</name><photoUrl>u</photoUrl></pet>', ref('Pet'))).toMatchObject({
      photoUrls: ['u'],
    });
    expect(value('<pet id="1"><name>a</name><tags><tag><name>t</name></tag></tags></pet>', ref('Pet'))).toMatchObject({
      tags: [{ name: 't' }],
    });
    expect(value('<pets><pet id="1"><name>a</name></pet></pets>', ref('PetList'))).toEqual([{ id: 1, name: 'a' }]);
    expect(value('<pets></pets>', ref('PetList'))).toEqual([]);
  });

  it('leaves text that does not parse as the schema type as text, so validation reports the type error', () => {
    const pet = value(
      '<pet id="seven"><name>a</name><vaccinated>maybe</vaccinated><weight>heavy</weight></pet>',
      ref('Pet'),
    );
    expect(pet).toEqual({ id: 'seven', name: 'a', vaccinated: 'maybe', weight: 'heavy' });
    const keywords = validator.validate('/components/schemas/Pet', pet, 'response').map((e) => e.keyword);
    expect(keywords).toContain('type');
  });

  it('keeps unknown elements and attributes, so additionalProperties: false still sees them', () => {
    const pet = value('<pet id="1" color="red"><name>a</name><owner><first>Ann</first></owner></pet>', ref('Pet'));
    expect(pet).toEqual({ id: 1, name: 'a', color: 'red', owner: { first: 'Ann' } });
    expect(validator.validate('/components/schemas/Pet', pet, 'response').map((e) => e.keyword)).toContain(
      'additionalProperties',
    );
  });

  it('reads an empty element as null where null is allowed, else as the empty string', () => {
    expect(value('<pet id="1"><name></name><weight/></pet>', ref('Pet'))).toEqual({ id: 1, name: '', weight: null });
    expect(
      value(
        '<pet id="1"><name>a</name><weight xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></pet>',
        ref('Pet'),
      ),
    ).toEqual({ id: 1, name: 'a', weight: null });
    expect(value('<problem><title/><status/></problem>', ref('Problem'))).toEqual({ title: '', status: '' });
  });

  it('decodes character references and keeps CDATA text verbatim', () => {
    expect(
      value(
        '<problem><title>&#13;&#x41;&lt;<![CDATA[<raw>&amp;]]></title><status>400</status></problem>',
        ref('Problem'),
      ),
    ).toEqual({ title: '\rA<<raw>&amp;', status: 400 });
  });

  it('is what a response check holding a schema pointer calls (xmlToJsonAt)', () => {
    const pointer = '/paths/~1pets/post/responses/201/content/application~1xml/schema';
    const out = xmlToJsonAt(spec, pointer, '<pet id="2"><name>b</name></pet>');
    expect(out).toEqual({ value: { id: 2, name: 'b' }, root: 'pet' });
    expect(validator.validate(pointer, (out as { value: unknown }).value, 'response')).toEqual([]);
  });

  it('names the root element by xml.name, then the component, then the title, then root', () => {
    expect(xmlRootName(ref('Pet'), resolve)).toBe('pet');
    expect(xmlRootName(ref('Status'), resolve)).toBe('Status');
    expect(xmlRootName({ title: 'PetUpdate', type: 'object' }, resolve)).toBe('PetUpdate');
    expect(xmlRootName({ type: 'object' }, resolve)).toBe('root');
  });

  it('encodes property names XML cannot hold as _xHHHH_ and decodes them back', () => {
    for (const key of ['a b', '1st', 'x:y', '_x0041_', 'ok', 'é-ü.1', '😀', '']) {
      const name = encodeName(key);
      expect(name).toMatch(/^[A-Za-z_\u00C0-\uFFFD\u{10000}-\u{EFFFF}][\w.\-\u00B7-\uFFFD\u{10000}-\u{EFFFF}]*$/u);
      expect(decodeName(name)).toBe(key);
    }
  });
});

describe('malformed and hostile XML is an error, quickly', () => {
  it.each([
    ['<pet><name>a</pet>', /Expected closing tag 'name'.*line 1/],
    ['<pet>', /Unclosed tag 'pet'.*line 1/],
    ['', /Start tag expected/],
    ['{"id": 1}', /line 1/],
    ['<pet/><pet/>', /2 root elements/],
    ['<pet>\n  <name a=1>x</name></pet>', /line 2/],
    ['<pet>a & b</pet>', /line 1/],
  ])('%j', (text, message) => {
    const out = read(text, ref('Pet'));
    expect(out).toHaveProperty('error');
    expect((out as { error: string }).error).toMatch(message);
  });

  it('refuses entity declarations (billion laughs) instead of expanding them', { timeout: 2000 }, () => {
    const lol = [
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
    ].join('');
    const out = read(`<?xml version="1.0"?><!DOCTYPE lolz [${lol}]><lolz>&lol9;</lolz>`, {});
    expect((out as { error: string }).error).toMatch(/DOCTYPE declares entities/);
  });

  it('refuses nesting past the depth limit without recursing through it', { timeout: 2000 }, () => {
    const deep = `${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}`;
    expect(read(deep, {})).toHaveProperty('error');
  });

  it('refuses bodies past the size limit before parsing them', { timeout: 2000 }, () => {
    const out = read(`<a>${'x'.repeat(MAX_XML_CHARS)}</a>`, {});
    expect((out as { error: string }).error).toMatch(/larger than/);
  });

  it('leaves undeclared entity references as text (nothing is expanded)', () => {
    expect(value('<problem><title>&nbsp;&foo;</title><status>1</status></problem>', ref('Problem'))).toEqual({
      title: '&nbsp;&foo;',
      status: 1,
    });
  });
});
