/**
 * Parsing an XML body defensively: bounded size and nesting, no entity expansion beyond the five XML built-ins
 * and character references (a DOCTYPE that declares entities is refused), exactly one root element.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isObject } from '../json/is-object.ts';
import type { Json } from '../types.ts';
import { MAX_XML_CHARS, MAX_XML_DEPTH } from './xml-shape.ts';

/** One parsed element: its qualified name, attributes in order, child elements and direct text. */
export interface XNode {
  name: string;
  attrs: Array<[string, string]>;
  children: XNode[];
  text: string;
}

const BUILT_IN: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character and built-in entity references only; any other `&name;` stays as written (there is nothing to expand). */
const entityDecoder = {
  setExternalEntities(): void {},
  addInputEntities(): void {},
  reset(): void {},
  setXmlVersion(): void {},
  decode: (text: string): string =>
    text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (m, e: string) => {
      if (e[0] !== '#') return BUILT_IN[e]!;
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
    }),
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  entityDecoder,
  maxNestedTags: MAX_XML_DEPTH,
  strictReservedNames: false,
  // Keep names as written; the mapping never uses parsed names as object keys of its own.
  onDangerousProperty: (name: string) => name,
});

type Ordered = Array<Record<string, unknown>>;

function toNodes(list: Ordered): { elements: XNode[]; text: string } {
  const elements: XNode[] = [];
  let text = '';
  for (const entry of list) {
    for (const key of Object.keys(entry)) {
      if (key === ':@') continue;
      const v = entry[key];
      if (key === '#text') text += String(v);
      else if (key === '#cdata') text += (v as Ordered).map((t) => String(t['#text'] ?? '')).join('');
      else if (key.startsWith('?') || key.startsWith('!')) continue;
      else {
        const inner = toNodes(Array.isArray(v) ? (v as Ordered) : []);
        const attrs = isObject(entry[':@'] as Json)
          ? Object.entries(entry[':@'] as Record<string, unknown>).map(([k, a]): [string, string] => [k, String(a)])
          : [];
        elements.push({ name: key, attrs, children: inner.elements, text: inner.text });
      }
    }
  }
  return { elements, text };
}

/** Parses XML text into its one root element, or the reason it is not well-formed. */
export function parseXml(text: string): XNode | { error: string } {
  if (text.length > MAX_XML_CHARS)
    return { error: `XML body of ${text.length} characters is larger than the ${MAX_XML_CHARS} read` };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Entity declarations are where expansion attacks live; an API body has no use for them.
  const doctype = /<!DOCTYPE[\s\S]*?<!ENTITY/i.exec(body);
  if (doctype)
    return {
      error: `DOCTYPE declares entities (not expanded: only the XML built-ins are read) at line ${lineAt(body, doctype.index)}`,
    };
  // The parser first: it stops at the nesting limit at once, where the validator would walk every level.
  let parsed: Ordered | undefined;
  let failure: string | undefined;
  try {
    parsed = parser.parse(body) as Ordered;
  } catch (error) {
    failure = (error as Error).message;
    if (/nested/i.test(failure)) return { error: `${failure} (more than ${MAX_XML_DEPTH} levels)` };
  }
  // The validator for well-formedness the parser tolerates, and for the line of the error.
  const valid = XMLValidator.validate(body);
  if (valid !== true)
    return { error: `${valid.err.msg} at line ${valid.err.line}${valid.err.col ? `, column ${valid.err.col}` : ''}` };
  if (!parsed) return { error: failure ?? 'XML body cannot be parsed' };
  const { elements, text: outside } = toNodes(parsed);
  if (elements.length !== 1)
    return {
      error: elements.length === 0 ? 'no root element' : `${elements.length} root elements (XML has exactly one)`,
    };
  if (outside.trim() !== '') return { error: 'text outside the root element' };
  return elements[0]!;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
