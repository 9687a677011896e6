/**
 * The gateway's error value. Handlers throw an ApiError; the server turns it into the contract's
 * `Error` body (`{error: {type, code, message, param}}`) with the matching status.
 */

/** The `error.type` values of the contract's Error schema. */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'billing_error'
  | 'rate_limit_error'
  | 'api_error';

/** An error the gateway answers on purpose (any 4xx, and the 500 of the `server-error` drift). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The JSON body of this error (a drift may answer another shape). */
  toBody(): unknown {
    return { error: { type: this.type, code: this.code, message: this.message, param: this.param } };
  }
}

/** 400 with `invalid_request_error`. */
export const badRequest = (code: string, message: string, param: string | null = null): ApiError =>
  new ApiError(400, 'invalid_request_error', code, message, param);

/** 404 with `not_found_error`; also used for other tenants' resources so their existence does not leak. */
export const notFound = (what: string, id: string): ApiError =>
  new ApiError(404, 'not_found_error', 'not_found', `No such ${what}: ${id}.`);

/** 404 for an unknown model slug (OpenAI answers unknown models with 404 too). */
export const modelNotFound = (id: string, param = 'model'): ApiError =>
  new ApiError(404, 'not_found_error', 'model_not_found', `The model ${JSON.stringify(id)} does not exist.`, param);

/** 403 for operations the calling key may not perform. */
export const forbidden = (message: string): ApiError => new ApiError(403, 'permission_error', 'forbidden', message);
