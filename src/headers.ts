/** HTTP header facts shared by generation, sending, checks and workflows. */

/**
 * Header parameters a generated request never sets. OAS says parameters named Accept, Content-Type or
 * Authorization are ignored (the harness owns them); the framing and connection headers belong to the HTTP
 * client, and a generated value there (S3 documents `Content-Length` as a parameter) corrupts the message itself
 * instead of testing the API.
 * @see https://spec.openapis.org/oas/v3.1.0#fixed-fields-9
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-7.6.1
 */
export const HARNESS_OWNED_HEADERS: ReadonlySet<string> = new Set([
  'accept',
  'content-type',
  'authorization',
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
  'keep-alive',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'proxy-connection',
]);

/** An HTTP token (RFC 9110 §5.6.2 `tchar`s): what a header name, a method or a Connection option may be. */
export const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
