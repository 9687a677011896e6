/**
 * Types of the diff stage: two Specs in, classified Changes out. A rule is data with one function in it;
 * it sees one matched pair (the whole document, one operation, or one schema) and returns Details, which the
 * engine turns into Changes by adding the rule's id and kind and locating both pointers.
 */
import type { Json, Operation, Parameter, Spec } from '../types.ts';

/** `breaking` fails `specgate diff`; `non-breaking` is compatible but visible to clients; `info` is neither. */
export type ChangeKind = 'breaking' | 'non-breaking' | 'info';

/** A place in one of the two documents. */
export interface ChangeSite {
  file: string;
  line: number;
}

/** One classified difference between two versions of a description. */
export interface Change {
  rule: string;
  kind: ChangeKind;
  /** `"METHOD /path/template"` as the head writes it (the base's, for removed operations). */
  operation: string;
  message: string;
  base: ChangeSite;
  head: ChangeSite;
}

/** What a rule reports: a message plus the JSON pointers of the place in each document. */
export interface Detail {
  message: string;
  /** Pointer into the base document; for things that only exist in the head, the nearest base parent. */
  base: string;
  /** Pointer into the head document; for things that only exist in the base, the nearest head parent. */
  head: string;
  /** Set by document-scope rules, which speak about one operation each. */
  operation?: string;
}

/** Which side reads a schema: clients write requests (server reads), servers write responses (client reads). */
export type Direction = 'request' | 'response';

/** A schema resolved through `$ref`, `allOf` and nullable unions into the few facts compatibility depends on. */
export interface SchemaView {
  /** Where the schema is defined (the `$ref` target, for a reference). */
  pointer: string;
  /** The node and pointer the view was built from. */
  source: SchemaRef;
  /** Accepted JSON types (`integer` distinct from `number`); undefined = any type. Includes `null` when nullable. */
  types?: Set<string>;
  /** Allowed values, when constrained by `enum` or `const`. */
  enum?: Json[];
  bounds: Record<BoundFamily, { min?: Bound; max?: Bound }>;
  pattern?: string;
  format?: string;
  default?: Json;
  hasDefault: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  properties: Map<string, SchemaRef>;
  required: Set<string>;
  /** `false` when extra properties are forbidden; a schema when they are constrained. */
  additionalProperties?: false | SchemaRef;
  items?: SchemaRef;
  /** Branches of `oneOf`/`anyOf` (null-only branches folded into `types`). */
  variants?: SchemaRef[];
  /** A short human name: the component name or `title`, for messages and branch matching. */
  name?: string;
}

/** Which family of `min*`/`max*` keywords a bound belongs to. */
export type BoundFamily = 'value' | 'length' | 'items' | 'properties';

/** One inclusive or exclusive limit. */
export interface Bound {
  value: number;
  exclusive: boolean;
}

/** An unresolved schema node and its pointer, viewed on demand. */
export interface SchemaRef {
  node: Json;
  pointer: string;
}

/** The document-wide pairing of operations. */
export interface DocumentContext {
  base: Spec;
  head: Spec;
  removed: Operation[];
  added: Operation[];
  matched: OperationPair[];
  /** Normalised path templates (`/a/{}`) present in each document. */
  basePaths: Set<string>;
  headPaths: Set<string>;
}

/** Two versions of one operation, matched by method and normalised path template. */
export interface OperationPair {
  key: string;
  base: Operation;
  head: Operation;
}

/** One matched operation with its parts already paired, so operation rules are small filters. */
export interface OperationContext {
  key: string;
  base: Spec;
  head: Spec;
  pair: OperationPair;
  /** `request` normally; `response` for webhooks, whose requests the API sends and clients read. */
  requestReader: Direction;
  parameters: Paired<Parameter>;
  requestBody: { base?: SchemaRef; head?: SchemaRef; baseRequired: boolean; headRequired: boolean };
  requestMedia: Paired<SchemaRef, string>;
  responses: Paired<SchemaRef, string>;
  /** Media types per matched response status. */
  responseMedia: Array<{ status: string } & Paired<SchemaRef, string>>;
  /** Headers per matched response status. */
  responseHeaders: Array<{ status: string } & Paired<SchemaRef, string>>;
}

/** The outcome of matching two collections by key: what only one side has, and the pairs. */
export interface Paired<T, K = T> {
  removed: Array<{ key: K; item: T }>;
  added: Array<{ key: K; item: T }>;
  matched: Array<{ key: K; base: T; head: T }>;
  /** Pointers of the containers, for locating removed/added items in the other document. */
  baseParent: string;
  headParent: string;
}

/** A matched pair of schemas at one place of one operation. */
export interface SchemaContext {
  operation: string;
  direction: Direction;
  /** Human path of the schema inside the operation, e.g. `response 200 body.data[].id` or `query.limit`. */
  location: string;
  base: SchemaView;
  head: SchemaView;
  /** Resolves a property, item or branch to its view in the given document. */
  view(side: 'base' | 'head', ref: SchemaRef): SchemaView;
}

interface RuleInfo {
  /** Kebab-case id, stable: users filter and suppress by it. */
  id: string;
  kind: ChangeKind;
  description: string;
}

/** A rule that looks at the whole pairing of operations (removed/added operations and paths). */
export interface DocumentRule extends RuleInfo {
  scope: 'document';
  run(ctx: DocumentContext): Detail[];
}

/** A rule that looks at one matched operation. */
export interface OperationRule extends RuleInfo {
  scope: 'operation';
  run(ctx: OperationContext): Detail[];
}

/** A rule that looks at one matched pair of schemas (called at every depth). */
export interface SchemaRule extends RuleInfo {
  scope: 'schema';
  run(ctx: SchemaContext): Detail[];
}

/** Any diff rule. */
export type DiffRule = DocumentRule | OperationRule | SchemaRule;
