/** The document as loaded: JSON values, source positions, the `Spec` and its operations, lint problems. */

/** Any JSON value, as parsed from a JSON or YAML document. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Where a node came from: the file (path or URL), 1-based line and column, and its JSON pointer in that file. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** JSON pointer inside `file` (not inside the bundled document). */
  pointer: string;
}

/** Whether `file:line:col` guides a reader; past column 200 (a minified spec: `1:437913`) the pointer leads. */
export const lineIsMeaningful = (loc: { column: number }): boolean => loc.column <= 200;

/** `error` fails a run (exit 1), `warn` is reported but does not fail, `off` disables a rule or check. */
export type Severity = 'error' | 'warn' | 'off';

/** Major line of the OpenAPI Specification a document is written against. */
export type OpenApiLine = '3.0' | '3.1' | '3.2';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * A loaded OpenAPI description. `document` is the *bundled* document: every external `$ref` was rewritten
 * to an internal one (`#/...`), and each external file is mounted under `/x-specgate-files/<n>`,
 * so any consumer (ajv included) sees one self-contained tree. Internal `$ref`s are kept, never inlined,
 * so circular schemas stay finite.
 */
export interface Spec {
  /** Path or URL of the root document, as given. */
  source: string;
  /** The `openapi` field, verbatim (e.g. "3.1.0"). */
  version: string;
  line: OpenApiLine;
  document: JsonObject;
  /** sha256 (hex) of the root document's bytes followed by every external file's bytes, in load order. */
  sha256: string;
  /** Every file that makes up the description; index 0 is the root. */
  files: string[];
  /** Source position of a JSON pointer into `document` (falls back to the nearest ancestor that has one). */
  locate(pointer: string): SourceLocation;
  /** Follows `$ref` chains from `node`; returns the target and its pointer. Cycles stop at the first repeat. */
  deref<T = Json>(node: Json | undefined, pointer?: string): { value: T | undefined; pointer: string };
  /** Value at a JSON pointer of `document`, following `$ref`s met on the way. */
  get<T = Json>(pointer: string): T | undefined;
  operations: Operation[];
}

/** A Parameter Object after `$ref` resolution, with where it was declared. */
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** The resolved Parameter Object. */
  object: JsonObject;
  pointer: string;
}

/** One Operation Object of `paths` (or `webhooks`), with Path Item parameters merged in. */
export interface Operation {
  /** `"METHOD /path/template"` exactly as the spec writes the path; the stable key used in every report. */
  key: string;
  operationId?: string;
  method: HttpMethod;
  path: string;
  /** Pointer of the Operation Object in `Spec.document`. */
  pointer: string;
  object: JsonObject;
  /** Path Item and Operation parameters merged (operation wins on `name`+`in`), `$ref`s resolved. */
  parameters: Parameter[];
  tags: string[];
  /** Effective security requirements: the operation's own, else the document's. `[]` = no auth required. */
  security: Array<Record<string, string[]>>;
  /** True for entries of the 3.1 `webhooks` map: requests the API *sends*, not receives. */
  webhook: boolean;
}

/** One lint result. */
export interface Problem {
  rule: string;
  severity: Exclude<Severity, 'off'>;
  message: string;
  /** Pointer into the bundled document. */
  pointer: string;
  file: string;
  line: number;
  column: number;
}
