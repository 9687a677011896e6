/**
 * Loads the contract (openapi.json) and builds one Ajv 2020 instance that knows the whole document,
 * so any schema in it can be compiled by JSON pointer with its internal `$ref`s intact.
 * The reference gateway uses this for its own request validation; it deliberately shares nothing
 * with the harness's validator (src/validate) so that the two are judged independently.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { isAbsoluteUri } from './uri.ts';

/** A loosely typed OpenAPI document: the gateway only reads a few well-known fields. */
export type OpenApiDoc = {
  paths: Record<string, Record<string, any>>;
  components: Record<string, Record<string, any>>;
  webhooks?: Record<string, Record<string, any>>;
  [key: string]: unknown;
};

/** The repository's canonical contract, used when no `specPath` is given. */
export const DEFAULT_SPEC_PATH = fileURLToPath(new URL('../../openapi.json', import.meta.url));

/** Base URI under which the document is registered in Ajv. */
export const SPEC_ID = 'urn:specgate:reference:openapi';

/** Reads and parses the contract. */
export function loadSpec(path: string = DEFAULT_SPEC_PATH): OpenApiDoc {
  return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDoc;
}

/** Encodes path segments as a JSON pointer (RFC 6901). */
export function pointer(...segments: string[]): string {
  return segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

// ajv-formats is CommonJS; under ESM its default export may be wrapped once more.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

/** Compiles schemas of one document by pointer, caching each compiled validator. */
export class SpecSchemas {
  readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDoc) {
    // strict: false because the document root is not a schema (openapi, info, paths ...) and
    // OpenAPI adds keywords such as `example`; allErrors so 400 messages can name every problem.
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    // ajv-formats' `uri` takes `http://:&` (see uri.ts): the gateway checks RFC 3986 itself.
    this.ajv.addFormat('uri', { type: 'string', validate: isAbsoluteUri });
    this.ajv.addSchema({ ...doc, $id: SPEC_ID });
  }

  /** The validator of the schema at `ptr` (a JSON pointer into the document). */
  validator(ptr: string): ValidateFunction {
    let fn = this.cache.get(ptr);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `${SPEC_ID}#${ptr}` });
      this.cache.set(ptr, fn);
    }
    return fn;
  }

  /** Follows a `$ref` (internal only) to the object it names. */
  resolve<T = any>(node: any): T {
    let cur = node;
    for (let i = 0; cur && typeof cur.$ref === 'string' && i < 16; i++) cur = this.at(cur.$ref.slice(1));
    return cur as T;
  }

  /** The value at a JSON pointer of the document. */
  at(ptr: string): any {
    let cur: any = this.doc;
    for (const raw of ptr.split('/').slice(1)) cur = cur?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    return cur;
  }
}
