/**
 * Shared domain types: the values passed between the pipeline's stages.
 * load (Spec) → lint (Problem[]) → plan (Plan) → generate (Case) → send (Exchange) → check (Finding[]) →
 * report (RunResult → files). Stage-private types live in their stage's folder; only what crosses a folder
 * boundary lives here (the run's options, shared by the CLI and the pipeline, live in `run-options.ts`).
 */

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

export type CaseKind = 'example' | 'positive' | 'negative' | 'boundary';

/** The one thing a negative case gets wrong, e.g. `{location: 'body.max_tokens', keyword: 'minimum', message: '-1 is below minimum 1'}`. */
export interface Violation {
  location: string;
  keyword: string;
  message: string;
}

/** One generated request, fully serialized, ready to send. */
export interface Case {
  /** Stable within a seed: `<operation key>/<kind>/<index>`. */
  id: string;
  /** `"METHOD /path/template"`. */
  operation: string;
  operationId?: string;
  kind: CaseKind;
  method: string;
  /** Path with parameters filled in and percent-encoded; no query string. */
  path: string;
  /** Encoded query string without the leading `?` ('' when none). */
  query: string;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  mediaType?: string;
  /** The logical body (what was validated against the schema): a JSON value for JSON and form bodies. */
  body?: unknown;
  /** Exact bytes to send, as text, when there is a body (JSON text, form encoding, multipart, ...). */
  bodyText?: string;
  /** Only for negative cases: the one violation. */
  violation?: Violation;
  seed: number;
  /**
   * Fields that carry a value the API handed out earlier in the run instead of a generated one, with where it
   * came from: `{"path.id": "POST /v1/things → 201 body.id"}` (keys are `in.name`: path., query., header., body.). A refusal of such a request is about a live
   * resource, not an unknown id.
   */
  live?: Record<string, string>;
}

/** One server-sent event as received, with its arrival time relative to the request start. */
export interface StreamEvent {
  event?: string;
  id?: string;
  data: string;
  atMs: number;
}

/** What came back for a Case: a response, or a transport error. Headers are lower-cased. */
export interface Exchange {
  case: Case;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: {
    status: number;
    headers: Record<string, string | string[]>;
    /** Body text, cut at the response size cap (`truncated` says so). */
    body: string;
    truncated: boolean;
    /** Present for `text/event-stream` responses, in arrival order. */
    events?: StreamEvent[];
    timeToFirstByteMs: number;
  };
  error?: { code: string; message: string };
  durationMs: number;
}

/** One way the runtime deviates from the docs (or a lint-level drift surfaced by a run). */
export interface Finding {
  checkId: string;
  severity: Exclude<Severity, 'off'>;
  /** `"METHOD /path/template"`. */
  operation: string;
  operationId?: string;
  /** Diff-shaped, human message: `Received: 500\nDocumented: 200, 404`. */
  message: string;
  /** What makes two findings of the same check and operation distinct (dedupe key); never a generated value. */
  cause: string;
  /** The instances one cause covers in this exchange (e.g. the undeclared property paths), distinct. */
  details?: string[];
  instancePath?: string;
  schemaPath?: string;
  specLocation?: SourceLocation;
  caseId?: string;
  seed: number;
  exchange?: Exchange;
}

/** Statuses with which an HTTP stack refuses a request as too large (RFC 9110 §15.5.14, §15.5.15; RFC 6585 §5). */
export const TOO_LARGE: readonly number[] = [413, 414, 431];

/** Which statuses count as "the server rejected the input" / "accepted it", per operation; shown in reports. */
export interface StatusPolicy {
  /** Statuses that mean "rejected" for negative cases, e.g. [400, 401, 403, 404, 405, 406, 409, 413, 414, 415, 422, 428, 431]. */
  rejected: number[];
  /** Status classes/values that mean "accepted" for positive cases, e.g. [200..299]. */
  accepted: number[];
  /** Where this policy came from: 'default' or the config key that set it. */
  source: string;
}

/** Cases per kind for one operation, in the order they are sent. */
export type Budget = Record<CaseKind, number>;

/** One slice of a run: `index` is 1-based, as in `--shard 2/4`. */
export interface Shard {
  index: number;
  count: number;
}

/** One operation that will be exercised. */
export interface PlannedOperation {
  operation: Operation;
  seed: number;
  budget: Budget;
  policy: StatusPolicy;
  /** Why the operation is a switch of global state (`plan/switches.ts`), when it is one. */
  switch?: string;
  /** A switch that runs after every other operation (the default; `--keep-order` keeps spec order). */
  last?: boolean;
}

/** The plan of a run. */
export interface Plan {
  seed: number;
  operations: PlannedOperation[];
  /** Operations not exercised, with the reason (shown in coverage). */
  skipped: Array<{ operation: Operation; reason: string }>;
  checks: Array<{ id: string; severity: Exclude<Severity, 'off'> }>;
  shard?: Shard;
}

/** Why a check had nothing to check for an operation, so "0 findings" never reads as "conformant". */
export interface OperationCoverage {
  operation: string;
  operationId?: string;
  reached: boolean;
  /** When not reached: why (excluded by --read-only, no case could be generated, budget spent, ...). */
  reason?: string;
  requests: number;
  casesByKind: Partial<Record<CaseKind, number>>;
  statusesSeen: number[];
  /** Documented statuses never observed. */
  statusesNeverSeen: string[];
  /** Checks that actually had something to check, and those that could not (with why). */
  checked: string[];
  unchecked: Array<{ check: string; why: string }>;
  /** Exchanges no check could judge (429, 503 with Retry-After after the back-off); absent when none. */
  inconclusive?: number;
  policy: StatusPolicy;
  specLocation?: SourceLocation;
}

/** A finding as reported: deduplicated, with a baseline status and a copy-paste repro. */
export interface ReportedFinding extends Finding {
  /** How many requests showed the same (operation, check, cause). */
  occurrences: number;
  /** Distinct `details` seen across those requests (all of them, however many `details` keeps as examples). */
  detailCount?: number;
  /** curl command that reproduces the (shrunk) request, secrets redacted. */
  curl?: string;
  /** Relative to `--baseline`: new drift, already known, or (only in `fixed`) gone. */
  baseline?: 'new' | 'known';
}

/** The immutable value every reporter formats: one run, start to end. Reporters are pure functions of it. */
export interface RunResult {
  tool: { name: 'specgate'; version: string };
  seed: number;
  specSource: string;
  specSha256: string;
  target: string;
  start: string;
  end: string;
  durationMs: number;
  requests: number;
  casesByKind: Partial<Record<CaseKind, number>>;
  operationsTotal: number;
  operationsReached: number;
  findings: ReportedFinding[];
  /** Baseline findings no longer seen (only with --baseline). */
  fixed: ReportedFinding[];
  coverage: OperationCoverage[];
  /** Checks that ran, with their effective severity. */
  checks: Array<{ id: string; severity: 'error' | 'warn'; description: string }>;
  /** Retries on 429/503 and other things the run did that a reader should know. */
  notes: string[];
  /** Optional: exchanges no check could judge (429, 503 with Retry-After after the back-off): not drift. */
  inconclusive?: number;
  /** Optional: the rules that decided verdicts (`check/verdict-policy.ts`). */
  verdictPolicy?: readonly VerdictRule[];
  exitCode: number;
  /** Optional: header/query/cookie names to redact besides the built-in ones (the spec's apiKey scheme names). */
  secretNames?: string[];
  /** Optional: the command line of this run without `--seed`/`--include`, for replay hints (else one is composed). */
  command?: string;
  /** Optional: the workflows of each `--suite`, in the order they ran. */
  workflows?: WorkflowReport[];
  /** Optional: with `--changed-since`, the spec changes and which operations they touched. */
  changeScope?: ChangeScope;
}

/** One step of a suite workflow, as it ran. */
export interface StepReport {
  stepId: string;
  /** `"METHOD /path"` of the step's operation, when it calls one. */
  operation?: string;
  status: 'passed' | 'failed' | 'skipped';
  attempts: number;
  /** Why it failed or was skipped (secrets scrubbed). */
  message?: string;
  /** `file:line:col` of the step in the suite. */
  location: string;
}

/** One workflow of a `--suite` file, as it ran. */
export interface WorkflowReport {
  /** The suite file, as given. */
  suite: string;
  workflowId: string;
  status: 'passed' | 'failed' | 'skipped';
  message?: string;
  steps: StepReport[];
}

/** One change between the `--changed-since` base and the spec under test (see `specgate diff`). */
export interface SpecChangeReport {
  rule: string;
  kind: 'breaking' | 'non-breaking' | 'info';
  operation: string;
  message: string;
  /** Where the change is in the spec under test (the base's place for removed things). */
  location: SourceLocation;
}

/** What a `--changed-since` run compared against and what it left out. */
export interface ChangeScope {
  /** The base description, as given. */
  base: string;
  changes: SpecChangeReport[];
  /** Operations planned because the diff touches them. */
  touched: string[];
  /** Operations left out because the diff does not touch them. */
  unchanged: string[];
}

/** One rule that decides verdicts (when an answer is judged at all), as report.md and summary.json show it. */
export interface VerdictRule {
  id: string;
  rule: string;
}

/** A reporter: one file of the report directory, a pure function of the RunResult. */
export interface Reporter {
  id: string;
  description: string;
  filename: string;
  run(result: RunResult): string;
}
