/**
 * The value pool: every `example`, `examples`, `default`, `enum` and `const` value the description itself
 * gives, anywhere (schemas, parameters, media types, components/examples, responses too), indexed by property
 * or parameter name and by the schema node it documents. Random strings are semantically dead values for
 * fields such as `model` or a resource id (the server answers 404 "not found" and its deeper code is never
 * reached); the spec's own values are the best guess of live ones. Built once per spec, pure.
 */
import type { Json, JsonObject, Spec } from '../types.ts';
import { isObject } from './context.ts';

/** Pooled values by (lower-cased) name and by the schema object they were documented on. */
export interface ValuePool {
  byName: Map<string, Json[]>;
  byNode: WeakMap<object, Json[]>;
}

/** Values kept per name or node: enough variety, bounded memory on huge specs. */
const MAX_VALUES = 16;
/** Serialized size above which a value is not pooled (a whole response example is no field value). */
const MAX_TEXT = 4000;
const DATA_DEPTH = 8;
/** Keys whose children are user-named entries, not keywords: a property named `example` is a schema. */
const NAMED_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'schemas',
  'parameters',
  'examples',
  'headers',
  'responses',
  'requestBodies',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'paths',
  'webhooks',
  'content',
  'encoding',
  'mapping',
]);

function pushUnique(list: Json[], seen: Set<string>, value: Json): void {
  if (list.length >= MAX_VALUES || value === undefined) return;
  const text = JSON.stringify(value);
  if (text === undefined || text.length > MAX_TEXT || seen.has(text)) return;
  seen.add(text);
  list.push(value);
}

class PoolBuilder {
  readonly pool: ValuePool = { byName: new Map(), byNode: new WeakMap() };
  private seenName = new Map<string, Set<string>>();
  private seenNode = new WeakMap<object, Set<string>>();
  constructor(private readonly spec: Spec) {}

  addName(name: string, value: Json): void {
    const key = name.toLowerCase();
    let list = this.pool.byName.get(key);
    if (!list) this.pool.byName.set(key, (list = []));
    let seen = this.seenName.get(key);
    if (!seen) this.seenName.set(key, (seen = new Set()));
    pushUnique(list, seen, value);
  }

  addNode(node: object, value: Json): void {
    let list = this.pool.byNode.get(node);
    if (!list) this.pool.byNode.set(node, (list = []));
    let seen = this.seenNode.get(node);
    if (!seen) this.seenNode.set(node, (seen = new Set()));
    pushUnique(list, seen, value);
  }

  private targets = new Map<string, Json | undefined>();

  private deref(node: Json | undefined): Json | undefined {
    let target = node;
    for (let i = 0; i < 8 && isObject(target) && typeof target.$ref === 'string'; i++) {
      const ref = target.$ref;
      if (!this.targets.has(ref))
        this.targets.set(ref, ref.startsWith('#') ? this.spec.get(decodePointer(ref.slice(1))) : undefined);
      target = this.targets.get(ref);
    }
    return target;
  }

  /** An example value: every key/value pair inside it pooled by key, and by schema node where a schema says where it goes. */
  data(value: Json, schema: Json | undefined, depth = 0): void {
    if (depth > DATA_DEPTH) return;
    const target = this.deref(schema);
    const node = isObject(target) ? target : undefined;
    if (node)
      for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
        if (Array.isArray(node[key])) for (const branch of node[key]) this.attach(branch, value, depth);
    if (Array.isArray(value)) {
      const items = node && isObject(node.items) ? node.items : undefined;
      for (const item of value.slice(0, 20)) {
        if (items) this.addNode(items, item);
        this.data(item, items, depth + 1);
      }
      return;
    }
    if (!isObject(value)) return;
    const props = node && isObject(node.properties) ? node.properties : {};
    for (const [k, v] of Object.entries(value)) {
      this.addName(k, v);
      const child = Object.hasOwn(props, k) && isObject(props[k]) ? props[k] : undefined;
      if (child) this.addNode(child, v);
      this.data(v, child, depth + 1);
    }
  }

  /** `data` for a branch of a combinator, only where it declares the properties the value has. */
  private attach(branch: Json, value: Json, depth: number): void {
    const target = this.deref(branch);
    if (isObject(target) && isObject(value) && isObject(target.properties)) this.data(value, branch, depth + 1);
  }

  /** Example values of an object that documents `schema`: `example`, `examples` (map of Example Objects or array). */
  examples(node: JsonObject, schema: Json | undefined): Json[] {
    const out: Json[] = [];
    if ('example' in node) out.push(node.example!);
    if (Array.isArray(node.examples)) out.push(...node.examples);
    else if (isObject(node.examples)) {
      for (const entry of Object.values(node.examples)) {
        const ex = this.deref(entry);
        if (isObject(ex) && 'value' in ex) out.push(ex.value!);
      }
    }
    for (const v of out) this.data(v, schema);
    return out;
  }

  visit(node: Json, parentKey: string, depth: number): void {
    if (depth > 64) return;
    if (Array.isArray(node)) {
      for (const item of node) this.visit(item, '', depth + 1);
      return;
    }
    if (!isObject(node)) return;
    if (NAMED_MAPS.has(parentKey)) {
      for (const [name, child] of Object.entries(node)) {
        if (parentKey === 'properties' && isObject(child)) for (const v of ownValues(child)) this.addName(name, v);
        if (parentKey === 'examples') {
          const ex = this.deref(child);
          if (isObject(ex) && 'value' in ex) this.data(ex.value!, undefined);
        }
        this.visit(child, '', depth + 1);
      }
      return;
    }
    const schema = 'schema' in node ? node.schema : node;
    const found = this.examples(node, schema);
    if (typeof node.name === 'string' && typeof node.in === 'string') {
      const target = this.deref(node.schema);
      for (const v of [...found, ...(isObject(target) ? ownValues(target) : [])]) this.addName(node.name, v);
    }
    for (const [key, child] of Object.entries(node)) {
      if (
        key === 'example' ||
        key === 'default' ||
        key === 'enum' ||
        key === 'const' ||
        (key === 'examples' && Array.isArray(child))
      )
        continue;
      this.visit(child, key, depth + 1);
    }
  }
}

function decodePointer(pointer: string): string {
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
}

/** A schema's own documented values: `example`, `examples` (array), `default`, `const`, `enum`. */
export function ownValues(schema: JsonObject): Json[] {
  const out: Json[] = [];
  if ('example' in schema) out.push(schema.example!);
  if (Array.isArray(schema.examples)) out.push(...schema.examples);
  if ('default' in schema) out.push(schema.default!);
  if ('const' in schema) out.push(schema.const!);
  if (Array.isArray(schema.enum)) out.push(...schema.enum);
  return out;
}

const pools = new WeakMap<Spec, ValuePool>();

/** The (cached) value pool of a spec. */
export function valuePool(spec: Spec): ValuePool {
  let pool = pools.get(spec);
  if (!pool) {
    const builder = new PoolBuilder(spec);
    builder.visit(spec.document, '', 0);
    pools.set(spec, (pool = builder.pool));
  }
  return pool;
}
