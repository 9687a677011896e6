/**
 * The OpenAPI XML Object's schema-shape rules (`name`, `namespace`, `prefix`, `attribute`, `wrapped`): how a
 * schema's values map onto elements and attributes. Shared by the writer (src/generate/xml.ts) and the reader
 * (xml.ts), so what one writes the other reads back as the same value.
 * @see https://spec.openapis.org/oas/v3.1.0#xml-object
 */
import type { Json, OpenApiLine } from '../types.ts';
import { fragmentToPointer, unescapeSegment } from '../json/pointer.ts';
import { isObject } from '../json/is-object.ts';
import { encodeName } from './xml-names.ts';
import { chain, itemsOf, typesOf, type SchemaResolver } from './schema-facets.ts';

// The writer (src/generate/xml.ts) and the reader take every XML rule from this one module.
export { decodeName, encodeName } from './xml-names.ts';
export {
  declaredProperties,
  itemSchemaAt,
  itemsOf,
  listedScalars,
  propertySchema,
  specResolver,
  typesOf,
  type SchemaResolver,
} from './schema-facets.ts';

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
