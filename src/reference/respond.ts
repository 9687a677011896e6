/** Writing answers: JSON replies and `Error` bodies, always with the request's base headers. */
import type { ServerResponse } from 'node:http';
import type { ApiError } from './errors.ts';

/** Writes a JSON (or, for the wrong-content-type drift, mislabelled) response and ends it. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes an ApiError as the contract's Error body. */
export function sendError(res: ServerResponse, err: ApiError, headers: Record<string, string>): void {
  sendJson(res, err.status, err.toBody(), { ...headers, ...err.headers });
}
