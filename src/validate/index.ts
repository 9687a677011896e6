/**
 * The one validator of a run: ajv (JSON Schema 2020-12) over a converted copy of the bundled document,
 * each schema compiled once and cached by its pointer. Never throws: a schema ajv cannot compile is
 * recorded (see `compileProblem`) and validates nothing, so it cannot produce false findings.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { Json, JsonObject, Spec } from '../types.ts';
import { joinPointer, parsePointer } from '../json/pointer.ts';
import { walkSchemas } from '../load/walk-schemas.ts';
import { convertNode, type Direction } from './convert.ts';
import { addOpenApiFormats, addStrictFormats } from './formats.ts';
import { lenientRegExp } from './regexp.ts';

export type { Direction } from './convert.ts';

/** One validation error, with ajv's pointers passed through verbatim. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

export interface Validator {
  /** Validates `value` against the Schema Object at `pointer` of `spec.document`. */
  validate(pointer: string, value: unknown, direction: Direction): SchemaError[];
  /** Validates against a schema object: one of the document's (by identity) or a fresh one whose refs point into it. */
  validateSchema(schema: Json, value: unknown, direction: Direction): SchemaError[];
  /** Why the schema at `pointer` could not be compiled, if it could not. */
  compileProblem(pointer: string, direction?: Direction): string | undefined;
}

const MAX_ERRORS = 20;

/** Creates the validator for one spec (one per run); `walked` = the output of `walkSchemas(spec)`, if known. */
export function createValidator(
  spec: Spec,
  walked?: ReadonlyArray<{ schema: JsonObject; pointer: string }>,
): Validator {
  const pointerOf = new WeakMap<object, string>();
  const schemas: Array<[JsonObject, string]> = [];
  const add = (schema: JsonObject, pointer: string) => {
    if (!pointerOf.has(schema)) pointerOf.set(schema, pointer);
    schemas.push([schema, pointer]);
  };
  // Callers that already walked the schemas (lint) pass the result instead of paying for a second walk.
  if (walked) for (const { schema, pointer } of walked) add(schema, pointer);
  else walkSchemas(spec, add);
  const sides = new Map<Direction, Side>();
  const side = (direction: Direction): Side => {
    let s = sides.get(direction);
    if (!s) sides.set(direction, (s = new Side(spec, schemas, direction)));
    return s;
  };
  const fresh = new WeakMap<object, Map<Direction, string>>();
  let freshCount = 0;
  return {
    validate: (pointer, value, direction) => side(direction).validate(pointer, value),
    compileProblem: (pointer, direction = 'response') => side(direction).problem(pointer),
    validateSchema(schema, value, direction) {
      if (typeof schema === 'boolean')
        return schema
          ? []
          : [
              {
                instancePath: '',
                schemaPath: '#',
                keyword: 'false schema',
                message: 'no value is allowed',
                params: {},
              },
            ];
      if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [];
      const known = pointerOf.get(schema);
      if (known !== undefined) return side(direction).validate(known, value);
      let byDir = fresh.get(schema);
      if (!byDir) fresh.set(schema, (byDir = new Map()));
      let id = byDir.get(direction);
      if (!id) byDir.set(direction, (id = side(direction).addFresh(schema, ++freshCount)));
      return side(direction).validate(id, value);
    },
  };
}

/** The converted document and compiled functions for one direction. */
class Side {
  private ajv: Ajv2020;
  private key: string;
  private compiled = new Map<string, ValidateFunction | string>();
  private broken: string | undefined;

  private refTarget: (pointer: string) => string;
  /** Schemas whose keywords moved to `anyOf/1` during conversion: pointer in the copy → new pointer. */
  private moved = new Map<string, string>();
  /** Schema objects of the copy → their pointer in the original, to give errors absolute schema paths. */
  private pointerOfCopy = new Map<object, string>();

  /** Maps a pointer of the original document to the same schema in the converted copy. */
  private translate(pointer: string): string {
    if (this.moved.size === 0) return pointer;
    const segments = parsePointer(pointer);
    let out = '';
    segments.forEach((seg, i) => {
      out = joinPointer(out, seg);
      // Only ancestors moved into their wrapper; the pointer itself still names the (nullable) wrapper.
      if (i < segments.length - 1) out = this.moved.get(out) ?? out;
    });
    return out;
  }

  constructor(spec: Spec, schemas: Array<[JsonObject, string]>, direction: Direction) {
    this.key = `specgate-${direction}`;
    const { copy, copyOf } = cloneWithMap(spec.document);
    this.refTarget = (pointer) => {
      let at = pointer;
      for (let hops = 0; hops < 32; hops++) {
        const node = atPointer(at);
        if (
          !node ||
          typeof node !== 'object' ||
          Array.isArray(node) ||
          typeof node.$ref !== 'string' ||
          !node.$ref.startsWith('#')
        )
          break;
        if (Object.keys(node).length > 1) break; // siblings (3.1) are constraints of their own: keep the node
        at = node.$ref.slice(1);
      }
      return at;
    };
    const atPointer = (pointer: string): Json | undefined => at(pointer);
    const at = (pointer: string): Json | undefined => {
      let node: Json | undefined = copy;
      for (const seg of parsePointer(pointer)) {
        if (node === null || typeof node !== 'object') return undefined;
        node = Array.isArray(node) ? node[Number(seg)] : node[seg];
      }
      return node;
    };
    const resolve = (n: Json): Json | undefined => {
      const seen = new Set<string>();
      while (
        n &&
        typeof n === 'object' &&
        !Array.isArray(n) &&
        typeof n.$ref === 'string' &&
        n.$ref.startsWith('#') &&
        !seen.has(n.$ref)
      ) {
        seen.add(n.$ref);
        n = at(n.$ref.slice(1)) as Json;
      }
      return n;
    };
    for (const [original, pointer] of schemas) {
      const node = copyOf.get(original);
      if (node && !this.pointerOfCopy.has(node)) this.pointerOfCopy.set(node, pointer);
      if (node && convertNode(node, spec.line, direction, resolve)) {
        const moved = this.translate(pointer);
        this.moved.set(moved, `${moved}/anyOf/1`);
      }
    }
    this.ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      logger: false,
      validateSchema: false,
      discriminator: false,
      verbose: true, // errors carry parentSchema, from which we rebuild absolute schema paths
      inlineRefs: false, // each $ref target compiles once and is shared, instead of being inlined into every user
      // ajv's codegen optimisation saves about a µs per call but doubles compile time, and a run mostly pays
      // compile time: each schema is compiled once and then used for a few hundred values.
      code: { regExp: lenientRegExp as never, optimize: false },
    });
    addFormats.default(this.ajv as never);
    addOpenApiFormats(this.ajv);
    addStrictFormats(this.ajv);
    try {
      this.ajv.addSchema(copy as object, this.key);
    } catch (error) {
      this.broken = `the document cannot be used as a schema: ${(error as Error).message}`;
    }
  }

  /** Registers a schema that is not in the document; its internal refs are made to point into the document. */
  addFresh(schema: JsonObject, n: number): string {
    const id = `specgate-fresh-${n}`;
    const rebased = JSON.parse(JSON.stringify(schema), (k, v) =>
      k === '$ref' && typeof v === 'string' && v.startsWith('#') ? this.key + v : v,
    );
    this.ajv.addSchema({ ...rebased, $id: id }, id);
    return id;
  }

  /**
   * With refs compiled as separate functions, ajv's schemaPath is relative to the referenced schema;
   * the keyword's parent schema object tells us where it really is in the document.
   */
  private absoluteSchemaPath(parent: unknown, keyword: string): string | undefined {
    const pointer = parent && typeof parent === 'object' ? this.pointerOfCopy.get(parent) : undefined;
    return pointer === undefined ? undefined : `#${pointer}/${keyword}`;
  }

  problem(pointer: string): string | undefined {
    const fn = this.get(pointer);
    return typeof fn === 'string' ? fn : undefined;
  }

  validate(pointer: string, value: unknown): SchemaError[] {
    const fn = this.get(pointer);
    if (typeof fn === 'string') return [];
    try {
      if (fn(value)) return [];
    } catch (error) {
      // A schema that refers to itself on the same instance recurses forever in ajv: judge nothing.
      this.compiled.set(pointer, `schema at ${pointer} cannot be evaluated: ${(error as Error).message}`);
      return [];
    }
    // An `if` error only says "the then/else branch failed"; that branch's own errors say how.
    return (fn.errors ?? [])
      .filter((e) => e.keyword !== 'if')
      .slice(0, MAX_ERRORS)
      .map((e) => ({
        instancePath: e.instancePath,
        schemaPath: this.absoluteSchemaPath(e.parentSchema, e.keyword) ?? e.schemaPath,
        keyword: e.keyword,
        message: e.message ?? e.keyword,
        params: e.params as Record<string, unknown>,
      }));
  }

  private get(pointer: string): ValidateFunction | string {
    let fn: ValidateFunction | string | undefined = this.compiled.get(pointer);
    if (fn) return fn;
    if (this.broken) return this.broken;
    // ajv cannot address a `{$ref}`-only node by pointer; address its (first non-ref) target instead.
    const target = pointer.startsWith('specgate-fresh-') ? pointer : this.refTarget(this.translate(pointer));
    const ref = target.startsWith('specgate-fresh-') ? target : `${this.key}#${encodePointer(target)}`;
    try {
      fn = this.ajv.getSchema(ref) ?? `no schema at ${pointer}`;
    } catch (error) {
      fn = `schema at ${pointer} cannot be compiled: ${(error as Error).message}`;
    }
    this.compiled.set(pointer, fn);
    return fn;
  }
}

const IDENTIFIERS = new Set(['$id', '$anchor', '$dynamicAnchor', '$recursiveAnchor']);

/** Deep copy of a JSON tree (without identifier keywords) plus the original → copy map of its objects (shared nodes stay shared). */
function cloneWithMap(root: JsonObject): { copy: JsonObject; copyOf: Map<object, JsonObject> } {
  const copyOf = new Map<object, JsonObject>();
  const clone = (node: Json): Json => {
    if (node === null || typeof node !== 'object') return node;
    const known = copyOf.get(node);
    if (known) return known;
    if (Array.isArray(node)) return node.map(clone);
    const out: JsonObject = {};
    copyOf.set(node, out);
    for (const key in node) {
      const value = node[key]!;
      // `$id`/anchors would re-base or clash inside the one bundled resource; every `$ref` is already absolute.
      if (IDENTIFIERS.has(key) && (typeof value === 'string' || typeof value === 'boolean')) continue;
      out[key] = clone(value);
    }
    return out;
  };
  return { copy: clone(root) as JsonObject, copyOf };
}

/** A JSON pointer as a URI fragment (ajv resolves `#...` refs as URIs). */
function encodePointer(pointer: string): string {
  return pointer
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/%7E/gi, '~'))
    .join('/');
}
