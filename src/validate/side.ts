/**
 * One direction (request or response) of the validator: the converted copy of the document in one ajv
 * instance, each schema compiled on first use and cached by its pointer; a schema that cannot be compiled or
 * evaluated is cached as the sentence saying why, and validates nothing.
 */
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonObject, Spec } from '../types.ts';
import type { Direction } from './convert.ts';
import { convertedCopy, encodePointer, refTarget, translate, type ConvertedCopy } from './copy.ts';
import { addOpenApiFormats, addStrictFormats } from './formats.ts';
import type { SchemaError } from './index.ts';
import { lenientRegExp } from './regexp.ts';

const MAX_ERRORS = 20;

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
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
  addFormats.default(ajv as never);
  addOpenApiFormats(ajv);
  addStrictFormats(ajv);
  return ajv;
}

/** The converted document and compiled functions for one direction. */
export class Side {
  private ajv: Ajv2020;
  private key: string;
  private compiled = new Map<string, ValidateFunction | string>();
  private broken: string | undefined;

  /** The converted copy this side validates against, and its maps back to the original. */
  private doc: ConvertedCopy;

  constructor(spec: Spec, schemas: Array<[JsonObject, string]>, direction: Direction) {
    this.key = `specgate-${direction}`;
    this.doc = convertedCopy(spec, schemas, direction);
    this.ajv = createAjv();
    try {
      this.ajv.addSchema(this.doc.copy as object, this.key);
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
    const pointer = parent && typeof parent === 'object' ? this.doc.pointerOfCopy.get(parent) : undefined;
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
    // ajv lists a oneOf/anyOf after its branches' errors: a cut at MAX_ERRORS must not drop the composite the
    // branch errors explain (they are folded into it), so composites past the cut are kept, up to as many again.
    const errors = (fn.errors ?? []).filter((e) => e.keyword !== 'if');
    const late = errors.slice(MAX_ERRORS).filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
    return [...errors.slice(0, MAX_ERRORS), ...late.slice(0, MAX_ERRORS)].map((e) => ({
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
    const target = pointer.startsWith('specgate-fresh-')
      ? pointer
      : refTarget(this.doc.copy, translate(this.doc.moved, pointer));
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
