/**
 * A generated JSON value written as an XML body, following the OpenAPI XML Object: root element named by
 * `xml.name`, the `$ref`'d component, `title` or `root`; each property an element (renamed by `xml.name`),
 * `xml.attribute` properties attributes of their parent, arrays repeated elements (inside a wrapper with
 * `xml.wrapped`), `namespace`/`prefix` as `xmlns` declarations and prefixed names, null an empty element (or
 * no attribute). The schema-shape rules are shared with the reader (src/validate/xml-shape.ts), so what is written
 * here reads back as the same value. Escaping is fast-xml-parser's builder.
 * @see https://spec.openapis.org/oas/v3.1.0#xml-object
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Json, OpenApiLine } from '../types.ts';
import {
  declaredProperties,
  encodeName,
  itemSchemaAt,
  itemsOf,
  MAX_XML_DEPTH,
  propertySchema,
  xmlItemName,
  xmlOf,
  xmlProperty,
  xmlRootName,
  type SchemaResolver,
  type XmlProperty,
} from '../validate/xml-shape.ts';

/** What writing needs besides the value and its schema. */
export interface XmlWriteOptions {
  resolve: SchemaResolver;
  line?: OpenApiLine;
  /** Root element name; default: `xmlRootName(schema)`. */
  root?: string;
}

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  suppressBooleanAttributes: false,
  processEntities: true,
  // The builder's own entity list plus character references for CR, LF and TAB: a reader normalizes literal CR
  // in text and literal whitespace in attribute values, so those must travel as references to arrive as sent.
  entities: [
    { regex: /&/g, val: '&amp;' },
    { regex: />/g, val: '&gt;' },
    { regex: /</g, val: '&lt;' },
    { regex: /'/g, val: '&apos;' },
    { regex: /"/g, val: '&quot;' },
    { regex: /\r/g, val: '&#13;' },
    { regex: /\n/g, val: '&#10;' },
    { regex: /\t/g, val: '&#9;' },
  ],
} as ConstructorParameters<typeof XMLBuilder>[0]);

/** Characters XML 1.0 cannot carry at all, not even as references. */
// eslint-disable-next-line no-control-regex
const ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class Unwritable extends Error {}

/** An ordered builder node: `{ [qname]: children, ':@': attributes }`. */
type Node = Record<string, unknown>;

/** Namespace prefixes in scope: prefix ('' = default) → URI. */
type Scope = ReadonlyMap<string, string>;

function text(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean') s = String(value);
  else throw new Unwritable('not a scalar');
  if (ILLEGAL.test(s)) throw new Unwritable('character XML 1.0 cannot carry');
  return s;
}

/** One element being built: its attributes, the namespaces in scope inside it, and its children. */
interface Building {
  attrs: Record<string, string>;
  inner: Map<string, string>;
  children: Node[];
  depth: number;
}

class Writer {
  constructor(private readonly o: XmlWriteOptions) {}

  /** An element named `name` (with `prefix`/`namespace`) holding `value` as `schema` describes it. */
  element(
    name: string,
    ns: { prefix?: string; namespace?: string },
    value: unknown,
    schema: Json | undefined,
    scope: Scope,
    depth: number,
    itemName?: string,
  ): Node {
    if (depth > MAX_XML_DEPTH) throw new Unwritable('nested too deep');
    const b: Building = { attrs: {}, inner: new Map(scope), children: [], depth };
    declare(b, ns.prefix, ns.namespace);
    if (value === null) {
      // an empty element
    } else if (Array.isArray(value)) this.items(b, value, schema, itemName);
    else if (typeof value === 'object') this.properties(b, value as Record<string, unknown>, schema);
    else {
      const t = text(value);
      if (t !== '') b.children.push({ '#text': t });
    }
    // Declarations were made while building children' attributes; the element carries them.
    const node: Node = { [qname({ name, ...ns })]: b.children };
    if (Object.keys(b.attrs).length > 0) node[':@'] = b.attrs;
    return node;
  }

  /** A wrapper (wrapped property or root array): one element per item. */
  private items(b: Building, value: unknown[], schema: Json | undefined, itemName: string | undefined): void {
    const name = itemName ?? xmlItemName(schema, this.o.resolve, 'item');
    value.forEach((item, i) => {
      const items = itemSchemaAt(schema, this.o.resolve, i);
      b.children.push(this.element(name, xmlOf(items, this.o.resolve), item, items, b.inner, b.depth + 1));
    });
  }

  private properties(b: Building, value: Record<string, unknown>, schema: Json | undefined): void {
    const declared = declaredProperties(schema, this.o.resolve);
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const s = declared.get(key) ?? propertySchema(schema, this.o.resolve, key) ?? {};
      this.property(b, key, v, s);
    }
  }

  private property(b: Building, key: string, v: unknown, s: Json): void {
    const p: XmlProperty = xmlProperty(key, s, this.o.resolve, this.o.line);
    const child = (item: unknown, schema: Json | undefined, itemName?: string): void =>
      void b.children.push(this.element(p.name, p, item, schema, b.inner, b.depth + 1, itemName));
    if (p.mode === 'attribute') {
      if (v === null) return;
      if (p.prefix) declare(b, p.prefix, p.namespace);
      b.attrs[`@_${qname(p)}`] = text(v);
    } else if (p.mode === 'repeated' && Array.isArray(v)) {
      const items = itemsOf(s, this.o.resolve);
      for (const item of v) child(item, items);
    } else if (p.mode === 'wrapped' && Array.isArray(v)) child(v, s, xmlItemName(s, this.o.resolve, encodeName(key)));
    // An array where the schema wants something else (a negative case): repeated elements, read back as an array.
    else if (Array.isArray(v)) for (const item of v) child(item, undefined);
    else child(v, s);
  }
}

/** Declares a namespace on the element being built, unless the same one is already in scope. */
function declare(b: Building, prefix: string | undefined, uri: string | undefined): void {
  if (uri === undefined) return;
  const key = prefix ?? '';
  if (b.inner.get(key) === uri) return;
  b.inner.set(key, uri);
  b.attrs[key === '' ? '@_xmlns' : `@_xmlns:${key}`] = uri;
}

const qname = (p: { name: string; prefix?: string }): string => (p.prefix ? `${p.prefix}:${p.name}` : p.name);

/**
 * Writes `value` (described by `schema`) as an XML document with an XML declaration; undefined when it cannot
 * be written (a character XML 1.0 cannot carry, an attribute holding an object, nesting past 64).
 */
export function toXml(value: unknown, schema: Json | undefined, options: XmlWriteOptions): string | undefined {
  const root = options.root ?? xmlRootName(schema, options.resolve);
  const xml = xmlOf(schema, options.resolve);
  try {
    const doc = new Writer(options).element(root, xml, value, schema, new Map(), 0);
    return builder.build([
      { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } },
      doc,
    ]) as string;
  } catch (error) {
    if (error instanceof Unwritable) return undefined;
    throw error;
  }
}
