/**
 * Reading a Schema Object the way the XML rules need it: through its `$ref` chain and `allOf` members (the
 * facets that all apply to one value), then its `oneOf`/`anyOf` branches: types, properties, items, listed values.
 */
import { isObject } from '../json/is-object.ts';
import { fragmentToPointer } from '../json/pointer.ts';
import type { Json, JsonObject, OpenApiLine, Spec } from '../types.ts';

/** Follows one `$ref` (returns the schema it points at), or returns the schema itself when it is no `$ref`. */
export type SchemaResolver = (schema: Json) => Json | undefined;

const MAX_HOPS = 32;

/** Resolves `$ref`s through the bundled document of a spec (internal `#/...` refs only). */
export function specResolver(spec: Spec): SchemaResolver {
  return (schema) =>
    isObject(schema) && typeof schema.$ref === 'string' && schema.$ref.startsWith('#')
      ? spec.get(fragmentToPointer(schema.$ref.slice(1)))
      : schema;
}

/** The `$ref` chain of a schema: the schema itself, then each target (bounded, cycles stop). */
export function chain(schema: Json | undefined, resolve: SchemaResolver): JsonObject[] {
  const out: JsonObject[] = [];
  let node = schema;
  for (let i = 0; i < MAX_HOPS && isObject(node) && !out.includes(node); i++) {
    out.push(node);
    if (typeof node.$ref !== 'string') break;
    node = resolve(node);
  }
  return out;
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
