/**
 * The OpenAPI XML Object's schema-shape rules (`name`, `namespace`, `prefix`, `attribute`, `wrapped`): how a
 * schema's values map onto elements and attributes. Shared by the writer (src/generate/xml.ts) and the reader
 * (xml.ts), so what one writes the other reads back as the same value.
 * @see https://spec.openapis.org/oas/v3.1.0#xml-object
 */
import type { Json, JsonObject, OpenApiLine, Spec } from '../types.ts';
import { fragmentToPointer, unescapeSegment } from '../json/pointer.ts';
import { isObject } from '../json/is-object.ts';

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
const MAX_HOPS = 32;

/** Resolves `$ref`s through the bundled document of a spec (internal `#/...` refs only). */
export function specResolver(spec: Spec): SchemaResolver {
  return (schema) =>
    isObject(schema) && typeof schema.$ref === 'string' && schema.$ref.startsWith('#')
      ? spec.get(fragmentToPointer(schema.$ref.slice(1)))
      : schema;
}

/** The `$ref` chain of a schema: the schema itself, then each target (bounded, cycles stop). */
function chain(schema: Json | undefined, resolve: SchemaResolver): JsonObject[] {
  const out: JsonObject[] = [];
  let node = schema;
  for (let i = 0; i < MAX_HOPS && isObject(node) && !out.includes(node); i++) {
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
    if (!isObject(xml)) continue;
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
  if (!isObject(schema) || typeof schema.$ref !== 'string') return undefined;
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref);
  return m ? unescapeSegment(fragmentToPointer(m[1]!)) : undefined;
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
      if (Array.isArray(list))
        for (const s of list) for (const g of facets(s, resolve)) if (!out.includes(g)) out.push(g);
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
      for (const v of values)
        types.add(
          v === null
            ? 'null'
            : Array.isArray(v)
              ? 'array'
              : typeof v === 'number'
                ? Number.isInteger(v)
                  ? 'integer'
                  : 'number'
                : typeof v,
        );
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
    if (isObject(f.properties)) for (const [k, s] of Object.entries(f.properties)) if (!out.has(k)) out.set(k, s);
  }
  return out;
}

/** The schema of property `key`: declared, else the first matching `patternProperties`, else `additionalProperties`. */
export function propertySchema(schema: Json | undefined, resolve: SchemaResolver, key: string): Json | undefined {
  const declared = declaredProperties(schema, resolve).get(key);
  if (declared !== undefined) return declared;
  for (const f of facets(schema, resolve)) {
    if (isObject(f.patternProperties)) {
      for (const [p, s] of Object.entries(f.patternProperties)) {
        try {
          if (new RegExp(p, 'u').test(key)) return s;
        } catch {
          // a pattern JavaScript cannot read matches nothing here
        }
      }
    }
    if (isObject(f.additionalProperties)) return f.additionalProperties;
  }
  return undefined;
}

/** The schema of item `index` of an array: `prefixItems[index]` where given, else `items`. */
export function itemSchemaAt(schema: Json | undefined, resolve: SchemaResolver, index: number): Json | undefined {
  for (const f of facets(schema, resolve))
    if (Array.isArray(f.prefixItems) && index < f.prefixItems.length) return f.prefixItems[index];
  return itemsOf(schema, resolve);
}

/** The scalar `enum`/`const` values a schema lists (facets only). */
export function listedScalars(schema: Json | undefined, resolve: SchemaResolver): Array<string | number | boolean> {
  const out: Array<string | number | boolean> = [];
  for (const f of facets(schema, resolve)) {
    const values = Array.isArray(f.enum) ? f.enum : 'const' in f ? [f.const as Json] : [];
    for (const v of values) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(v);
  }
  return out;
}

/** The `items` schema of an array schema (first facet that has one). */
export function itemsOf(schema: Json | undefined, resolve: SchemaResolver): Json | undefined {
  for (const f of [...facets(schema, resolve), ...alternatives(schema, resolve)])
    if (f.items !== undefined && typeof f.items !== 'boolean') return f.items;
  return undefined;
}

// XML 1.0 (5th edition) names, without ':' (namespace prefixes are added separately).
const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
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
  const ns = {
    ...(xml.prefix ? { prefix: xml.prefix } : {}),
    ...(xml.namespace !== undefined ? { namespace: xml.namespace } : {}),
  };
  if (xml.attribute === true) return { key, schema, mode: 'attribute', name: xml.name ?? encodeName(key), ...ns };
  const types = typesOf(schema, resolve, line);
  if (types.includes('array') && !types.includes('object')) {
    if (xml.wrapped === true) return { key, schema, mode: 'wrapped', name: xml.name ?? encodeName(key), ...ns };
    const items = xmlOf(itemsOf(schema, resolve), resolve);
    return {
      key,
      schema,
      mode: 'repeated',
      name: items.name ?? encodeName(key),
      ...(items.prefix ? { prefix: items.prefix } : {}),
      ...(items.namespace !== undefined ? { namespace: items.namespace } : {}),
    };
  }
  return { key, schema, mode: 'element', name: xml.name ?? encodeName(key), ...ns };
}

/** Name of the root element of a body with this schema: `xml.name`, else the `$ref`'d component's name, else `title`, else `root`. */
export function xmlRootName(schema: Json | undefined, resolve: SchemaResolver): string {
  const title = chain(schema, resolve)
    .map((n) => n.title)
    .find((t): t is string => typeof t === 'string' && t !== '');
  return xmlOf(schema, resolve).name ?? componentName(schema) ?? (title !== undefined ? encodeName(title) : 'root');
}

/** Name of each item element inside a wrapper (wrapped property or root array): items' `xml.name`, component name, or `fallback`. */
export function xmlItemName(arraySchema: Json | undefined, resolve: SchemaResolver, fallback: string): string {
  const items = itemsOf(arraySchema, resolve);
  return xmlOf(items, resolve).name ?? componentName(items) ?? fallback;
}
