/**
 * Reading an XML body as the JSON value its schema describes, by the OpenAPI XML Object rules of xml-shape.ts
 * (which src/generate/xml.ts writes with, so both directions agree by construction).
 *
 * Reading is defensive: bounded size and nesting, no entity expansion beyond the five XML built-ins and
 * character references (a DOCTYPE that declares entities is refused), one root element.
 * @see https://spec.openapis.org/oas/v3.1.0#xml-object
 */
import type { Json, OpenApiLine, Spec } from '../types.ts';
import {
  declaredProperties,
  decodeName,
  itemSchemaAt,
  itemsOf,
  listedScalars,
  propertySchema,
  specResolver,
  typesOf,
  xmlProperty,
  type SchemaResolver,
  type XmlProperty,
} from './xml-shape.ts';
import { parseXml, type XNode } from './xml-parse.ts';

export { specResolver, xmlRootName, type SchemaResolver } from './xml-shape.ts';
const local = (qname: string): string => qname.slice(qname.indexOf(':') + 1);
const isNamespaceAttr = (qname: string): boolean => qname === 'xmlns' || qname.startsWith('xmlns:');
const isXsi = (qname: string): boolean => qname.startsWith('xsi:');
const nil = (node: XNode): boolean => node.attrs.some(([k, v]) => k === 'xsi:nil' && (v === 'true' || v === '1'));
const dataAttrs = (node: XNode): Array<[string, string]> =>
  node.attrs.filter(([k]) => !isNamespaceAttr(k) && !isXsi(k));

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Element or attribute text read as the scalar the schema describes; text that fits no type stays text. A listed
 * `enum`/`const` value whose text this is wins (an enum of `"a"` and `1` reads `1` as the number).
 */
function scalar(text: string, types: string[], listed: Array<string | number | boolean> = []): unknown {
  if (text === '' && types.includes('null')) return null;
  const exact =
    listed.find((v) => typeof v === 'string' && v === text) ?? listed.find((v) => String(v) === text.trim());
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
  if (!Object.hasOwn(out, key))
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
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
  if (types.includes('object') && (node.children.length > 0 || attrs.length > 0 || blank))
    return readObject(node, schema, ctx);
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
    if (p)
      add(out, p.key, scalar(value, typesOf(p.schema, ctx.resolve, ctx.line), listedScalars(p.schema, ctx.resolve)));
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
export function xmlToJson(
  text: string,
  schema: Json | undefined,
  resolve: SchemaResolver,
  options: { line?: OpenApiLine } = {},
): { value: unknown; root: string } | { error: string } {
  const root = parseXml(text);
  if ('error' in root) return root;
  try {
    return {
      value: readValue(root, schema, { resolve, ...(options.line ? { line: options.line } : {}) }),
      root: root.name,
    };
  } catch (error) {
    return { error: `XML body cannot be read: ${(error as Error).message}` };
  }
}

/** `xmlToJson` for the Schema Object at `pointer` of `spec.document` (what the response checks hold). */
export function xmlToJsonAt(
  spec: Spec,
  pointer: string,
  text: string,
): { value: unknown; root: string } | { error: string } {
  return xmlToJson(text, spec.get(pointer), specResolver(spec), { line: spec.line });
}
