/** Laws of the shared formatting layer: escapes that no input can break out of, and colour only when allowed. */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cell, code, fence } from './markdown.ts';
import { colorAllowed, createStyle, plural, table, visibleWidth } from './terminal.ts';
import { escapeData, escapeProperty } from './workflow-command.ts';
import { xmlEscape } from './xml.ts';

describe('xmlEscape', () => {
  it('any text escaped into attributes of both quote kinds and into content is well-formed and decodes back, minus what XML 1.0 forbids', () => {
    const decode = (x: string) =>
      x
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = xmlEscape(text);
        expect(XMLValidator.validate(`<r a="${escaped}" b='${escaped}'>${escaped}</r>`)).toBe(true);
        expect(escaped).not.toMatch(/[<>"']|&(?!(lt|gt|quot|apos|amp);)/);
        const legal = text.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
        expect(decode(escaped)).toBe(legal);
      }),
      { numRuns: 40 }, // the validator is slow on long binary strings
    );
  });
});

describe('Markdown', () => {
  it('a cell is one line and never ends itself: every pipe is escaped', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.boolean(),
        fc.constantFrom(' ' as const, '<br>' as const),
        (text, literal, breaks) => {
          const out = cell(text, { literal, breaks });
          expect(out).not.toMatch(/[\r\n]/);
          // Outside literal mode a text backslash may precede a pipe; literal mode doubles it first.
          if (literal) expect(out.replace(/\\\\/g, '')).not.toMatch(/(^|[^\\])\|/);
          else expect(out.replace(/\\\|/g, '')).not.toContain('|');
        },
      ),
    );
  });

  it('line breaks become `<br>` (the default) or a space; literal mode escapes brackets but keeps its `<br>`', () => {
    expect(cell('a|b\r\nc')).toBe('a\\|b<br>c');
    expect(cell('a\nb', { breaks: ' ' })).toBe('a b');
    expect(cell('<T>\\d\n', { literal: true })).toBe('&lt;T&gt;\\\\d<br>');
  });

  it('code spans and fences are longer than any backtick run inside', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
        expect(code(text).match(/^`+/)![0].length).toBe(longest + 1);
        expect(fence(text).split('\n')[0]!.length).toBeGreaterThan(Math.max(2, longest));
      }),
    );
  });
});

describe('terminal', () => {
  it('colour only on a terminal without NO_COLOR or CI', () => {
    expect(colorAllowed(true, {})).toBe(true);
    expect(colorAllowed(undefined, {})).toBe(false);
    expect(colorAllowed(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorAllowed(true, { CI: 'true' })).toBe(false);
  });

  it('a style without colour is the identity; with colour the visible text is unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const [off, on] = [createStyle(false), createStyle(true)];
        for (const name of ['red', 'yellow', 'green', 'dim', 'bold', 'underline'] as const) {
          expect(off[name](text)).toBe(text);
          expect(visibleWidth(on[name](text))).toBe(visibleWidth(text));
        }
      }),
    );
  });

  it('tables align columns by visible width', () => {
    const red = createStyle(true).red;
    const out = table(
      [
        [red('a'), 'long', '1'],
        ['bbb', 'x', '22'],
      ],
      [2],
    ).split('\n');
    expect(out.slice(0, 2).map(visibleWidth)).toEqual([13, 13]);
    expect(out[1]).toBe('bbb  x     22');
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(2, 'warning')).toBe('2 warnings');
  });
});

describe('workflow commands', () => {
  it('no message can end the command and no property value can add a property', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(escapeData(text)).not.toMatch(/[\r\n]/);
        expect(escapeProperty(text)).not.toMatch(/[\r\n:,]/);
        // The toolkit's unescaping gives the text back.
        const back = (s: string) =>
          s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
        expect(back(escapeProperty(text))).toBe(text);
      }),
    );
  });
});
