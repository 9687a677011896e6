/** What crosses generate → send → check: a `Case`, the `Exchange` it produced, the `Finding`s judged from it. */
import type { Severity, SourceLocation } from './document.ts';

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
   * came from: `{"path.id": "POST /v1/things → 201 body.id"}` (keys are `in.name`). A refusal of a generated id
   * says nothing about validation; of a live one it does.
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
