/**
 * Harness errors: the tool cannot proceed (bad usage, unusable spec, unreachable target).
 * API drift is never an error — it is a Finding. Codes are stable, undici-style, and map onto exit codes.
 */
export type HarnessErrorCode =
  | 'USAGE' // bad flags or config
  | 'CONFIG_INVALID'
  | 'SPEC_UNREADABLE' // missing file, bad URL, not text
  | 'SPEC_PARSE' // not JSON/YAML
  | 'SPEC_TOO_LARGE'
  | 'SPEC_UNSUPPORTED' // Swagger 2.0, unknown openapi version
  | 'SPEC_INVALID' // structurally unusable
  | 'REF_UNRESOLVED'
  | 'UNKNOWN_CHECK'
  | 'UNKNOWN_OPERATION'
  | 'SUITE_INVALID'
  | 'AUTH_FAILED' // the credentials given could not be turned into a token
  | 'TARGET_UNREACHABLE';

/** Exit code each error class leads to: 2 bad usage or unusable spec, 3 target unreachable. */
export function exitCodeFor(code: HarnessErrorCode): number {
  return code === 'TARGET_UNREACHABLE' ? 3 : 2;
}

export class HarnessError extends Error {
  readonly code: HarnessErrorCode;
  /** `file:line:col` or a JSON pointer, when the error has a place. */
  readonly location?: string;

  constructor(code: HarnessErrorCode, message: string, location?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarnessError';
    this.code = code;
    this.location = location;
  }
}
