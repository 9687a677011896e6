/**
 * Lint-private types: a Rule is data with one function in it (Redocly/ajv style); the runner turns each
 * Report into a located `Problem` and applies the configured severity.
 */
import type { JsonObject, Spec } from '../types.ts';
import type { Validator } from '../validate/index.ts';

/** What a rule returns: one sentence and the JSON pointer (into `spec.document`) of the offending node. */
export interface Report {
  message: string;
  pointer: string;
}

/** Where a Schema Object sits, as `walkSchemas` reports it. */
export interface SchemaSite {
  schema: JsonObject;
  pointer: string;
  in: 'request' | 'response' | 'parameter' | 'header' | 'component';
}

/** Shared, lazily computed views of one Spec, so rules never re-walk a large document on their own. */
export interface LintContext {
  spec: Spec;
  /** Every Schema Object of the document, once each (one `walkSchemas` pass, cached). */
  schemas(): SchemaSite[];
  /** One validator per lint run (compiles each schema once). */
  validator(): Validator;
  /** Every `$ref` object of the document: its pointer, the object, and the target pointer (for `#/...` refs). */
  refs(): RefSite[];
}

/** One `$ref` object found in the document. */
export interface RefSite {
  pointer: string;
  node: JsonObject;
  /** Decoded JSON pointer of the target when the ref is internal (`#/...`), else undefined. */
  target?: string;
}

/** One lint rule: file name = `id`, kebab-case. Rules never throw; they return reports. */
export interface Rule {
  id: string;
  /** One sentence saying what the rule claims about a good document. */
  description: string;
  defaultSeverity: 'error' | 'warn';
  run(ctx: LintContext): Report[];
}
