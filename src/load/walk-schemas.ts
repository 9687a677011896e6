/**
 * Visits every Schema Object of a description once: those under operations (parameters, request bodies,
 * responses, headers, callbacks), webhooks and components, and every subschema inside them, following
 * `$ref`s into the bundle. Lint rules, the validator and the generator all walk schemas through this.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import type { Json, JsonObject, Spec } from '../types.ts';
import { joinPointer } from '../json/pointer.ts';

export interface SchemaVisitContext {
  /** Where the walk first reached this schema from. */
  in: 'request' | 'response' | 'parameter' | 'header' | 'component';
  /** True when the schema was reached through a `$ref` (its pointer is the target's). */
  viaRef: boolean;
}

type Visit = (schema: JsonObject, pointer: string, ctx: SchemaVisitContext) => void;

const SUB_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
const SUB_ONE = [
  'additionalProperties',
  'items',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'contentSchema',
];
const SUB_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];

/** Walks all schemas of `spec`, calling `visit` once per schema pointer. */
export function walkSchemas(spec: Spec, visit: Visit): void {
  const seen = new Set<string>();
  const schema = (node: Json | undefined, pointer: string, where: SchemaVisitContext['in'], viaRef = false): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || seen.has(pointer)) return;
    seen.add(pointer);
    visit(node, pointer, { in: where, viaRef });
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
      const target = spec.deref(node, pointer);
      schema(target.value as Json, target.pointer, where, true);
    }
    for (const key of SUB_MAPS) {
      const map = node[key];
      if (map && typeof map === 'object' && !Array.isArray(map)) {
        for (const [name, sub] of Object.entries(map)) schema(sub, joinPointer(pointer, key, name), where);
      }
    }
    for (const key of SUB_ONE) if (!Array.isArray(node[key])) schema(node[key], joinPointer(pointer, key), where);
    for (const key of SUB_LIST) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((sub, i) => schema(sub, joinPointer(pointer, key, i), where));
    }
  };
  const walker = new ObjectWalker(spec, schema);
  walker.document();
}

/** Walks the non-schema OpenAPI objects that can hold schemas. */
class ObjectWalker {
  private seen = new Set<string>();
  constructor(
    private spec: Spec,
    private schema: (node: Json | undefined, pointer: string, where: SchemaVisitContext['in']) => void,
  ) {}

  document(): void {
    const doc = this.spec.document;
    this.map(doc.paths, '/paths', (v, p) => this.pathItem(v, p));
    this.map(doc.webhooks, '/webhooks', (v, p) => this.pathItem(v, p));
    const c = doc.components;
    if (!c || typeof c !== 'object' || Array.isArray(c)) return;
    this.map(c.parameters, '/components/parameters', (v, p) => this.parameter(v, p));
    this.map(c.requestBodies, '/components/requestBodies', (v, p) => this.content(v, p, 'request'));
    this.map(c.responses, '/components/responses', (v, p) => this.response(v, p));
    this.map(c.headers, '/components/headers', (v, p) => this.parameter(v, p, 'header'));
    this.map(c.callbacks, '/components/callbacks', (v, p) => this.map(v, p, (i, q) => this.pathItem(i, q)));
    this.map(c.pathItems, '/components/pathItems', (v, p) => this.pathItem(v, p));
    this.map(c.schemas, '/components/schemas', (v, p) => this.schema(v, p, 'component'));
  }

  /** Resolves `$ref`, skips what was visited, then calls `fn` on each entry of an object map. */
  private map(node: Json | undefined, pointer: string, fn: (value: JsonObject, pointer: string) => void): void {
    const r = this.spec.deref<Json>(node, pointer);
    if (!r.value || typeof r.value !== 'object' || Array.isArray(r.value)) return;
    for (const [key, value] of Object.entries(r.value)) this.one(value, joinPointer(r.pointer, key), fn);
  }

  /** Resolves one object (through `$ref`) and calls `fn` on it unless it was visited already. */
  private one(node: Json | undefined, pointer: string, fn: (value: JsonObject, pointer: string) => void): void {
    const item = this.spec.deref<Json>(node, pointer);
    if (!item.value || typeof item.value !== 'object' || Array.isArray(item.value) || this.seen.has(item.pointer))
      return;
    this.seen.add(item.pointer);
    fn(item.value, item.pointer);
  }

  private pathItem(item: JsonObject, pointer: string): void {
    this.list(item.parameters, joinPointer(pointer, 'parameters'), (v, p) => this.parameter(v, p));
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || Array.isArray(op) || method === 'parameters' || method === 'servers')
        continue;
      const o = this.spec.deref<JsonObject>(op, joinPointer(pointer, method));
      if (!o.value || typeof o.value !== 'object') continue;
      this.list(o.value.parameters, joinPointer(o.pointer, 'parameters'), (v, p) => this.parameter(v, p));
      this.one(o.value.requestBody, joinPointer(o.pointer, 'requestBody'), (v, p) => this.content(v, p, 'request'));
      this.map(o.value.responses, joinPointer(o.pointer, 'responses'), (v, p) => this.response(v, p));
      this.map(o.value.callbacks, joinPointer(o.pointer, 'callbacks'), (v, p) =>
        this.map(v, p, (i, q) => this.pathItem(i, q)),
      );
    }
  }

  private list(node: Json | undefined, pointer: string, fn: (value: JsonObject, pointer: string) => void): void {
    if (!Array.isArray(node)) return;
    node.forEach((raw, i) => this.one(raw, joinPointer(pointer, i), fn));
  }

  private parameter(p: JsonObject, pointer: string, where: SchemaVisitContext['in'] = 'parameter'): void {
    this.schema(p.schema, joinPointer(pointer, 'schema'), where);
    this.content(p, pointer, where);
  }

  private response(r: JsonObject, pointer: string): void {
    this.map(r.headers, joinPointer(pointer, 'headers'), (v, p) => this.parameter(v, p, 'header'));
    this.content(r, pointer, 'response');
  }

  private content(holder: JsonObject, pointer: string, where: SchemaVisitContext['in']): void {
    const content = holder.content;
    if (!content || typeof content !== 'object' || Array.isArray(content)) return;
    for (const [type, media] of Object.entries(content)) {
      if (!media || typeof media !== 'object' || Array.isArray(media)) continue;
      const at = joinPointer(pointer, 'content', type);
      this.schema(media.schema, joinPointer(at, 'schema'), where);
      this.schema(media.itemSchema, joinPointer(at, 'itemSchema'), where);
      if (where !== 'response' && media.encoding && typeof media.encoding === 'object') {
        this.map(media.encoding, joinPointer(at, 'encoding'), (e, p) =>
          this.map(e.headers, joinPointer(p, 'headers'), (h, q) => this.parameter(h, q, 'header')),
        );
      }
    }
  }
}
