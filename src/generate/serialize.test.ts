import { describe, expect, it } from 'vitest';
import { percentEncode, serializeParameter, type StyleOptions } from './serialize.ts';

const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

// OAS 3.1.0 "Style Examples" (https://spec.openapis.org/oas/v3.1.0#style-examples). The table lists the
// spaceDelimited/pipeDelimited values without the `color=` that a query string carries; it is added here.
const TABLE: Array<[string, boolean, StyleOptions['in'], string | null, string | null, string | null, string | null]> =
  [
    // style, explode, in, empty, string, array, object
    ['matrix', false, 'path', ';color', ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
    ['matrix', true, 'path', ';color', ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
    ['label', false, 'path', '.', '.blue', '.blue.black.brown', '.R.100.G.200.B.150'],
    ['label', true, 'path', '.', '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
    ['form', false, 'query', 'color=', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
    ['form', true, 'query', 'color=', 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
    ['simple', false, 'path', null, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
    ['simple', true, 'path', null, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
    ['spaceDelimited', false, 'query', null, null, 'color=blue%20black%20brown', 'color=R%20100%20G%20200%20B%20150'],
    ['pipeDelimited', false, 'query', null, null, 'color=blue|black|brown', 'color=R|100|G|200|B|150'],
    ['deepObject', true, 'query', null, null, null, 'color[R]=100&color[G]=200&color[B]=150'],
  ];

describe('law: parameters serialize exactly as the OAS 3.1.0 style table shows', () => {
  const cases = TABLE.flatMap(([style, explode, location, ...want]) =>
    (
      [
        ['empty', ''],
        ['string', string],
        ['array', array],
        ['object', object],
      ] as const
    )
      .map(
        ([kind, value], i) =>
          [`${style} explode=${explode} ${kind}`, { style, explode, location, value, want: want[i] }] as const,
      )
      .filter(([, c]) => c.want !== null),
  );
  it.each(cases)('%s', (_name, { style, explode, location, value, want }) => {
    const o: StyleOptions = { name: 'color', in: location, style, explode, allowReserved: false, line: '3.1' };
    expect(serializeParameter(value, o)).toBe(want);
  });

  it('3.2 documents use the RFC 6570 label form the 3.2 table corrected to', () => {
    const o: StyleOptions = {
      name: 'color',
      in: 'path',
      style: 'label',
      explode: false,
      allowReserved: false,
      line: '3.2',
    };
    expect(serializeParameter(array, o)).toBe('.blue,black,brown');
    expect(serializeParameter(object, o)).toBe('.R,100,G,200,B,150');
  });
});

describe('percent-encoding (RFC 3986)', () => {
  it.each([
    ['a b', 'a%20b'],
    ['a/b?c', 'a%2Fb%3Fc'],
    ["!'()*", '%21%27%28%29%2A'],
    ['ü€', '%C3%BC%E2%82%AC'],
    ['-._~', '-._~'],
    ['😀', '%F0%9F%98%80'],
  ])('encodes %j as %j', (text, want) => expect(percentEncode(text)).toBe(want));

  it('allowReserved keeps reserved characters except the ones that split a query (& # + =)', () => {
    expect(percentEncode('a/b:c,d&e#f+g=h', true)).toBe('a/b:c,d%26e%23f%2Bg%3Dh');
  });

  it('law: encoded values contain only unreserved characters and %XX escapes', () => {
    for (const text of ['x y', 'ä,ö;ü', '\u0000\u007f', '%41', '[]{}|\\^`"<>'])
      expect(percentEncode(text)).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
  });

  it('values with delimiters keep the delimiter literal and the value encoded', () => {
    const o: StyleOptions = {
      name: 'q',
      in: 'query',
      style: 'form',
      explode: false,
      allowReserved: false,
      line: '3.1',
    };
    expect(serializeParameter(['a,b', 'c&d'], o)).toBe('q=a%2Cb,c%26d');
  });

  it('header values are written without percent-encoding', () => {
    const o: StyleOptions = {
      name: 'X-Ids',
      in: 'header',
      style: 'simple',
      explode: false,
      allowReserved: false,
      line: '3.1',
    };
    expect(serializeParameter(['a b', 'c'], o)).toBe('a b,c');
  });
});
