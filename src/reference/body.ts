/**
 * Reading request bodies: bounded in size (413), JSON only (415), well-formed (400). The body is always
 * drained, even when refused, so the client sees our answer instead of a reset connection.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './errors.ts';

/** Past this many bytes we stop draining an oversized body and drop the connection. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * The raw body, or null when it exceeds `maxBytes`. The caller decides when to answer 413, so that a
 * missing key still answers 401 first.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
    else if (size > DRAIN_LIMIT) {
      req.destroy();
      break;
    }
  }
  return size > maxBytes ? null : Buffer.concat(chunks);
}

/** The 413 answer for an oversized body. */
export const tooLarge = (maxBytes: number): ApiError =>
  new ApiError(413, 'invalid_request_error', 'body_too_large', `Request body exceeds ${maxBytes} bytes.`);

/** Whether a Content-Type header names JSON (`application/json`, any parameters, any case). */
export function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * The parsed JSON body, or `undefined` when there is none. An empty body is a 400 only when the
 * operation requires one; anything else must be `application/json` (415) and parse (400).
 */
export function parseJsonBody(raw: Buffer, contentType: string | undefined, required: boolean): unknown {
  if (raw.length === 0) {
    if (required) throw badRequest('body_required', 'A JSON request body is required.');
    return undefined;
  }
  if (!isJson(contentType)) {
    throw new ApiError(
      415,
      'invalid_request_error',
      'unsupported_media_type',
      `Content-Type must be application/json, got ${JSON.stringify(contentType ?? '')}.`,
    );
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw badRequest('invalid_json', `The body is not valid JSON: ${(e as Error).message}`);
  }
}
