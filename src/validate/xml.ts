/**
 * XML bodies ↔ the JSON value their schema describes, following the OpenAPI XML Object (`name`, `namespace`,
 * `prefix`, `attribute`, `wrapped`). This file reads XML (`xmlToJson`) and holds the schema-shape rules that
 * src/generate/xml.ts writes with, so both directions agree by construction.
 *
 * Reading is defensive: bounded size and nesting, no entity expansion beyond the five XML built-ins and
 * character references (a DOCTYPE that declares entities is refused), one root element.
 * @see https://spec.openapis.org/oas/v3.1.0#xml-object
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Json, JsonObject, OpenApiLine, Spec } from '../types.ts';
import { fragmentToPointer } from '../load/pointer.ts';

/** Follows one `$ref` (returns the schema it points at), or returns the schema itself when it is no `$ref`. */
export type SchemaResolver = (schema: Json) => Json | undefined;

/** The XML Object fields specgate reads. */
export interface XmlFacts {
  name?: string;
  namespace?: string;
  prefix?: string;
  attribute?: boolean;
  wrapped?: boolean;
}

/** Largest XML text read (characters); response bodies past it are refused, not parsed. */
export const MAX_XML_CHARS = 8 * 1024 * 1024;
/** Deepest element nesting read or written. */
export const MAX_XML_DEPTH = 64;

const isObj = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const MAX_HOPS = 32;

/** Resolves `$ref`s through the bundled document of a spec (internal `#/...` refs only). */
export function specResolver(spec: Spec): SchemaResolver {
  return (schema) => (isObj(schema) && typeof schema.$ref === 'string' && schema.$ref.startsWith('#') ? spec.get(fragmentToPointer(schema.$ref.slice(1))) : schema);
}

/** The `$ref` chain of a schema: the schema itself, then each target (bounded, cycles stop). */
function chain(schema: Json | undefined, resolve: SchemaResolver): JsonObject[] {
  const out: JsonObject[] = [];
  let node = schema;
  for (let i = 0; i < MAX_HOPS && isObj(node) && !out.includes(node); i++) {
    out.push(node);
    if (typeof node.$ref !== 'string') break;
    node = resolve(node);
  }
  return out;
}

/** The XML Object of a schema: its own fields win over those of the schemas it `$ref`s. */
export function xmlOf(schema: Json | undefined, resolve: SchemaResolver): XmlFacts {
  const out: XmlFacts = {};
  for (const node of chain(schema, resolve)) {
    const xml = node.xml;
    if (!isObj(xml)) continue;
    if (out.name === undefined && typeof xml.name === 'string' && xml.name !== '') out.name = xml.name;
    if (out.namespace === undefined && typeof xml.namespace === 'string') out.namespace = xml.namespace;
    if (out.prefix === undefined && typeof xml.prefix === 'string' && xml.prefix !== '') out.prefix = xml.prefix;
    if (out.attribute === undefined && typeof xml.attribute === 'boolean') out.attribute = xml.attribute;
    if (out.wrapped === undefined && typeof xml.wrapped === 'boolean') out.wrapped = xml.wrapped;
  }
  return out;
}

/** `#/components/schemas/Pet` → `Pet` for the first `$ref` of the chain, if it is one. */
export function componentName(schema: Json | undefined): string | undefined {
  if (!isObj(schema) || typeof schema.$ref !== 'string') return undefined;
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref);
  return m ? fragmentToPointer(m[1]!).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** The schema objects that all apply to one value: the `$ref` chain and `allOf` members, recursively (bounded). */
function facets(schema: Json | undefined, resolve: SchemaResolver, depth = 0, out: JsonObject[] = []): JsonObject[] {
  if (depth > 8) return out;
  for (const node of chain(schema, resolve)) {
    if (out.includes(node)) continue;
    out.push(node);
    if (Array.isArray(node.allOf)) for (const s of node.allOf) facets(s, resolve, depth + 1, out);
  }
  return out;
}

/** `oneOf`/`anyOf` branches of the facets: consulted after the facets for properties and types. */
function alternatives(schema: Json | undefined, resolve: SchemaResolver): JsonObject[] {
  const out: JsonObject[] = [];
  for (const f of facets(schema, resolve)) {
    for (const key of ['oneOf', 'anyOf'] as const) {
      const list = f[key];
      if (Array.isArray(list)) for (const s of list) for (const g of facets(s, resolve)) if (!out.includes(g)) out.push(g);
    }
  }
  return out;
}

const HINTS: Array<[string, string[]]> = [
  ['object', ['properties', 'additionalProperties', 'patternProperties', 'required']],
  ['array', ['items', 'prefixItems', 'minItems', 'maxItems']],
];

/**
 * The JSON types a schema admits (`[]` = unconstrained). `type` of every facet, else inferred from object/array
 * keywords, `enum`/`const` values or the `oneOf`/`anyOf` branches; `nullable: true` adds null (3.0 documents).
 */
export function typesOf(schema: Json | undefined, resolve: SchemaResolver, line?: OpenApiLine): string[] {
  const types = new Set<string>();
  let nullable = false;
  const read = (nodes: JsonObject[]): void => {
    for (const f of nodes) {
      if (typeof f.type === 'string') types.add(f.type);
      else if (Array.isArray(f.type)) for (const t of f.type) if (typeof t === 'string') types.add(t);
      if (f.nullable === true && (line === undefined || line === '3.0')) nullable = true;
    }
  };
  const own = facets(schema, resolve);
  read(own);
  if (types.size === 0) for (const [t, keys] of HINTS) if (own.some((f) => keys.some((k) => k in f))) types.add(t);
  if (types.size === 0) {
    for (const f of own) {
      const values = Array.isArray(f.enum) ? f.enum : 'const' in f ? [f.const as Json] : [];
      for (const v of values) types.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v);
    }
  }
  if (types.size === 0) {
    const alts = alternatives(schema, resolve);
    read(alts);
    if (types.size === 0) for (const [t, keys] of HINTS) if (alts.some((f) => keys.some((k) => k in f))) types.add(t);
  }
  if (nullable) types.add('null');
  return [...types];
}

/** Declared properties in declaration order (facets first, then `oneOf`/`anyOf` branches; the first declaration wins). */
export function declaredProperties(schema: Json | undefined, resolve: SchemaResolver): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const f of [...facets(schema, resolve), ...alternatives(schema, resolve)]) {
    if (isObj(f.properties)) for (const [k, s] of Object.entries(f.properties)) if (!out.has(k)) out.set(k, s);
  }
  return out;
}

/** The schema of property `key`: declared, else the first matching `patternProperties`, else `additionalProperties`. */
export function propertySchema(schema: Json | undefined, resolve: SchemaResolver, key: string): Json | undefined {
  const declared = declaredProperties(schema, resolve).get(key);
  if (declared !== undefined) return declared;
  for (const f of facets(schema, resolve)) {
    if (isObj(f.patternProperties)) {
      for (const [p, s] of Object.entries(f.patternProperties)) {
        try {
          if (new RegExp(p, 'u').test(key)) return s;
        } catch {
          // a pattern JavaScript cannot read matches nothing here
        }
      }
    }
    if (isObj(f.additionalProperties)) return f.additionalProperties;
  }
  return undefined;
}

/** The schema of item `index` of an array: `prefixItems[index]` where given, else `items`. */
export function itemSchemaAt(schema: Json | undefined, resolve: SchemaResolver, index: number): Json | undefined {
  for (const f of facets(schema, resolve)) if (Array.isArray(f.prefixItems) && index < f.prefixItems.length) return f.prefixItems[index];
  return itemsOf(schema, resolve);
}

/** The scalar `enum`/`const` values a schema lists (facets only). */
function listedScalars(schema: Json | undefined, resolve: SchemaResolver): Array<string | number | boolean> {
  const out: Array<string | number | boolean> = [];
  for (const f of facets(schema, resolve)) {
    const values = Array.isArray(f.enum) ? f.enum : 'const' in f ? [f.const as Json] : [];
    for (const v of values) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(v);
  }
  return out;
}

/** The `items` schema of an array schema (first facet that has one). */
export function itemsOf(schema: Json | undefined, resolve: SchemaResolver): Json | undefined {
  for (const f of [...facets(schema, resolve), ...alternatives(schema, resolve)]) if (f.items !== undefined && typeof f.items !== 'boolean') return f.items;
  return undefined;
}

// XML 1.0 (5th edition) names, without ':' (namespace prefixes are added separately).
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const START_RE = new RegExp(`^[${NAME_START}]$`, 'u');
const CHAR_RE = new RegExp(`^[${NAME_CHAR}]$`, 'u');

/**
 * A JSON property name as an XML element/attribute name. Characters a name cannot hold are written `_xHHHH_`
 * (the SQL/XML and XML Schema-tools convention), and so is the `_` of a literal `_xHHHH_`, so `decodeName` inverts it.
 */
export function encodeName(key: string): string {
  if (key === '') return '_x0000_';
  const points = [...key];
  // Names JavaScript objects cannot safely hold: fast-xml-parser refuses them as element names, so escape one character.
  const reserved = RESERVED.has(key);
  let out = '';
  points.forEach((ch, i) => {
    const literalEscape = ch === '_' && /^_x[0-9A-F]{4,8}_/.test(points.slice(i, i + 11).join(''));
    const ok = !(reserved && i === 0) && !literalEscape && (i === 0 ? START_RE.test(ch) : CHAR_RE.test(ch));
    out += ok ? ch : `_x${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}_`;
  });
  return out;
}

/** Inverse of `encodeName`. */
export function decodeName(name: string): string {
  return name.replace(/_x([0-9A-F]{4,8})_/g, (m, hex: string) => {
    const cp = parseInt(hex, 16);
    return cp === 0 ? '' : cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** How one property of an object travels in XML. */
export interface XmlProperty {
  key: string;
  schema: Json;
  /** `attribute`: an attribute of the parent; `element`: one element; `repeated`: one element per array item;
   *  `wrapped`: one element holding one element per item. */
  mode: 'attribute' | 'element' | 'repeated' | 'wrapped';
  /** Local name of the attribute, the element, the repeated item element, or the wrapper. */
  name: string;
  prefix?: string;
  namespace?: string;
}

/** The XML mapping of property `key` (schema `schema`) of an object. */
export function xmlProperty(key: string, schema: Json, resolve: SchemaResolver, line?: OpenApiLine): XmlProperty {
  const xml = xmlOf(schema, resolve);
  const ns = { ...(xml.prefix ? { prefix: xml.prefix } : {}), ...(xml.namespace !== undefined ? { namespace: xml.namespace } : {}) };
  if (xml.attribute === true) return { key, schema, mode: 'attribute', name: xml.name ?? encodeName(key), ...ns };
  const types = typesOf(schema, resolve, line);
  if (types.includes('array') && !types.includes('object')) {
    if (xml.wrapped === true) return { key, schema, mode: 'wrapped', name: xml.name ?? encodeName(key), ...ns };
    const items = xmlOf(itemsOf(schema, resolve), resolve);
    return { key, schema, mode: 'repeated', name: items.name ?? encodeName(key), ...(items.prefix ? { prefix: items.prefix } : {}), ...(items.namespace !== undefined ? { namespace: items.namespace } : {}) };
  }
  return { key, schema, mode: 'element', name: xml.name ?? encodeName(key), ...ns };
}

/** Name of the root element of a body with this schema: `xml.name`, else the `$ref`'d component's name, else `title`, else `root`. */
export function xmlRootName(schema: Json | undefined, resolve: SchemaResolver): string {
  const title = chain(schema, resolve).map((n) => n.title).find((t): t is string => typeof t === 'string' && t !== '');
  return xmlOf(schema, resolve).name ?? componentName(schema) ?? (title !== undefined ? encodeName(title) : 'root');
}

/** Name of each item element inside a wrapper (wrapped property or root array): items' `xml.name`, component name, or `fallback`. */
export function xmlItemName(arraySchema: Json | undefined, resolve: SchemaResolver, fallback: string): string {
  const items = itemsOf(arraySchema, resolve);
  return xmlOf(items, resolve).name ?? componentName(items) ?? fallback;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** One parsed element: its qualified name, attributes in order, child elements and direct text. */
interface XNode {
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
        const attrs = isObj(entry[':@'] as Json) ? Object.entries(entry[':@'] as Record<string, unknown>).map(([k, a]): [string, string] => [k, String(a)]) : [];
        elements.push({ name: key, attrs, children: inner.elements, text: inner.text });
      }
    }
  }
  return { elements, text };
}

/** Parses XML text into its one root element, or the reason it is not well-formed. */
function parseXml(text: string): XNode | { error: string } {
  if (text.length > MAX_XML_CHARS) return { error: `XML body of ${text.length} characters is larger than the ${MAX_XML_CHARS} read` };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Entity declarations are where expansion attacks live; an API body has no use for them.
  const doctype = /<!DOCTYPE[\s\S]*?<!ENTITY/i.exec(body);
  if (doctype) return { error: `DOCTYPE declares entities (not expanded: only the XML built-ins are read) at line ${lineAt(body, doctype.index)}` };
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
  if (valid !== true) return { error: `${valid.err.msg} at line ${valid.err.line}${valid.err.col ? `, column ${valid.err.col}` : ''}` };
  if (!parsed) return { error: failure ?? 'XML body cannot be parsed' };
  const { elements, text: outside } = toNodes(parsed);
  if (elements.length !== 1) return { error: elements.length === 0 ? 'no root element' : `${elements.length} root elements (XML has exactly one)` };
  if (outside.trim() !== '') return { error: 'text outside the root element' };
  return elements[0]!;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const local = (qname: string): string => qname.slice(qname.indexOf(':') + 1);
const isNamespaceAttr = (qname: string): boolean => qname === 'xmlns' || qname.startsWith('xmlns:');
const isXsi = (qname: string): boolean => qname.startsWith('xsi:');
const nil = (node: XNode): boolean => node.attrs.some(([k, v]) => k === 'xsi:nil' && (v === 'true' || v === '1'));
const dataAttrs = (node: XNode): Array<[string, string]> => node.attrs.filter(([k]) => !isNamespaceAttr(k) && !isXsi(k));

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Element or attribute text read as the scalar the schema describes; text that fits no type stays text. A listed
 * `enum`/`const` value whose text this is wins (an enum of `"a"` and `1` reads `1` as the number).
 */
function scalar(text: string, types: string[], listed: Array<string | number | boolean> = []): unknown {
  if (text === '' && types.includes('null')) return null;
  const exact = listed.find((v) => typeof v === 'string' && v === text) ?? listed.find((v) => String(v) === text.trim());
  if (exact !== undefined) return exact;
  if (types.length === 0 || types.includes('string')) return text;
  const t = text.trim();
  if (types.includes('boolean') && (t === 'true' || t === 'false')) return t === 'true';
  if ((types.includes('integer') || types.includes('number')) && NUMBER.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n)) return n;
  }
  if (types.includes('boolean') && (t === '1' || t === '0')) return t === '1';
  return text;
}

interface ReadContext {
  resolve: SchemaResolver;
  line?: OpenApiLine;
}

/** An element read without a schema: attributes and children make an object (repeats make arrays), else its text. */
function generic(node: XNode): unknown {
  const attrs = dataAttrs(node);
  if (node.children.length === 0 && attrs.length === 0) return node.text;
  const out: Record<string, unknown> = {};
  for (const [k, v] of attrs) out[decodeName(local(k))] = v;
  for (const child of node.children) add(out, decodeName(local(child.name)), generic(child));
  if (node.text.trim() !== '') add(out, '#text', node.text);
  return out;
}

/** Sets a property; a second element of the same name turns it into an array (so a type check can see it). */
function add(out: Record<string, unknown>, key: string, value: unknown): void {
  if (!Object.hasOwn(out, key)) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else if (Array.isArray(out[key]) && repeated.has(out[key] as unknown[])) (out[key] as unknown[]).push(value);
  else {
    const list = [out[key], value];
    repeated.add(list);
    out[key] = list;
  }
}
const repeated = new WeakSet<unknown[]>();

function readValue(node: XNode, schema: Json | undefined, ctx: ReadContext): unknown {
  const types = typesOf(schema, ctx.resolve, ctx.line);
  if (nil(node) && (types.length === 0 || types.includes('null'))) return null;
  if (types.length === 0) return generic(node);
  const attrs = dataAttrs(node);
  const empty = node.children.length === 0 && attrs.length === 0 && node.text === '';
  if (empty) {
    if (types.includes('null')) return null;
    if (types.includes('string')) return '';
    if (types.includes('object')) return {};
    if (types.includes('array')) return [];
    return '';
  }
  const blank = node.text.trim() === '';
  if (types.includes('object') && (node.children.length > 0 || attrs.length > 0 || blank)) return readObject(node, schema, ctx);
  if (types.includes('array') && (node.children.length > 0 || blank)) {
    return node.children.map((child, i) => readValue(child, itemSchemaAt(schema, ctx.resolve, i), ctx));
  }
  if (node.children.length > 0 || attrs.length > 0) return generic(node);
  return scalar(node.text, types, listedScalars(schema, ctx.resolve));
}

function readObject(node: XNode, schema: Json | undefined, ctx: ReadContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byAttr = new Map<string, XmlProperty>();
  const byElement = new Map<string, XmlProperty>();
  for (const [key, s] of declaredProperties(schema, ctx.resolve)) {
    const p = xmlProperty(key, s, ctx.resolve, ctx.line);
    const map = p.mode === 'attribute' ? byAttr : byElement;
    if (!map.has(p.name)) map.set(p.name, p);
  }
  for (const [qname, value] of dataAttrs(node)) {
    const p = byAttr.get(local(qname));
    if (p) add(out, p.key, scalar(value, typesOf(p.schema, ctx.resolve, ctx.line), listedScalars(p.schema, ctx.resolve)));
    else add(out, decodeName(local(qname)), value);
  }
  for (const child of node.children) {
    const p = byElement.get(local(child.name));
    if (p?.mode === 'repeated') {
      const list = Object.hasOwn(out, p.key) && Array.isArray(out[p.key]) ? (out[p.key] as unknown[]) : [];
      list.push(readValue(child, itemsOf(p.schema, ctx.resolve), ctx));
      out[p.key] = list;
    } else if (p) add(out, p.key, readValue(child, p.schema, ctx));
    else {
      const key = decodeName(local(child.name));
      const s = propertySchema(schema, ctx.resolve, key);
      add(out, key, s === undefined ? generic(child) : readValue(child, s, ctx));
    }
  }
  return out;
}

/**
 * Reads an XML body as the JSON value `schema` describes (the inverse of how specgate writes XML requests):
 * element text becomes a number, integer or boolean where the schema says so (text that does not parse stays
 * text, so validation reports the type error), repeated and wrapped elements become arrays even with one item,
 * attributes become properties, unknown elements and attributes are kept (strings or objects) so
 * `additionalProperties: false` still sees them, an empty element is null where the schema allows null and `''`
 * otherwise (`xsi:nil="true"` is null too). `resolve` follows one `$ref` (see `specResolver`).
 * Malformed or hostile XML → `{ error }` with the parser's message and line. Never throws.
 */
export function xmlToJson(text: string, schema: Json | undefined, resolve: SchemaResolver, options: { line?: OpenApiLine } = {}): { value: unknown; root: string } | { error: string } {
  const root = parseXml(text);
  if ('error' in root) return root;
  try {
    return { value: readValue(root, schema, { resolve, ...(options.line ? { line: options.line } : {}) }), root: root.name };
  } catch (error) {
    return { error: `XML body cannot be read: ${(error as Error).message}` };
  }
}

/** `xmlToJson` for the Schema Object at `pointer` of `spec.document` (what the response checks hold). */
export function xmlToJsonAt(spec: Spec, pointer: string, text: string): { value: unknown; root: string } | { error: string } {
  return xmlToJson(text, spec.get(pointer), specResolver(spec), { line: spec.line });
}
